package org.unbanpanel.security.lockout;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unbanpanel.web.PanelProperties;

/**
 * The file fail2ban reads the panel's failed and refused sign-ins from
 * ({@code config/fail2ban/filter.d/unban-panel.conf}), one line each:
 *
 * <pre>
 * 2026-11-25T11:52:03+0000 unban-panel: authentication failure for user=alice from=192.0.2.1
 * </pre>
 *
 * The user name is whatever was typed, so it is percent-encoded (no space, line break, control character or
 * {@code =} survives) and cut at {@value #MAX_NAME} characters. The file is opened for each line, so a log rotation
 * that moves it away needs no signal. It is created on start, because fail2ban refuses a jail without its log.
 */
final class AuthFailureLog {

	static final int MAX_NAME = 64;

	static final String CUT = "[cut]";

	private static final Logger log = LoggerFactory.getLogger(AuthFailureLog.class);

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");

	private final Path file;

	private final Clock clock;

	AuthFailureLog(LockoutProperties properties, PanelProperties panel, Clock clock) {
		this.file = properties.authLog() != null ? properties.authLog() : panel.dataDir().resolve("auth.log");
		this.clock = clock;
		create(file);
	}

	/** Appends the line for one failed or refused sign-in; a write error is logged and never fails the request. */
	void failure(String username, String clientAddress) {
		String line = line(OffsetDateTime.now(clock), username, clientAddress);
		try {
			synchronized (this) {
				Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
			}
		}
		catch (IOException ex) {
			log.error("Cannot write to the auth log {}: {}", file, ex.getMessage());
		}
		log.info("Sign-in failed for user={} from={}", sanitise(username), clientAddress);
	}

	static String line(OffsetDateTime time, String username, String clientAddress) {
		return TIMESTAMP.format(time) + " unban-panel: authentication failure for user=" + sanitise(username) + " from="
				+ clientAddress;
	}

	/** Percent-encoded (UTF-8, a space as {@code %20}), cut at {@value #MAX_NAME} characters and marked so. */
	static String sanitise(String username) {
		if (username == null) {
			return "";
		}
		boolean tooLong = username.codePointCount(0, username.length()) > MAX_NAME;
		String kept = tooLong ? username.substring(0, username.offsetByCodePoints(0, MAX_NAME)) : username;
		return URLEncoder.encode(kept, StandardCharsets.UTF_8).replace("+", "%20") + (tooLong ? CUT : "");
	}

	private static void create(Path file) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			Files.createDirectories(parent);
			if (!Files.exists(file)) {
				Files.createFile(file,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the auth log " + file
					+ " (panel.security.auth-log): fail2ban could not see failed sign-ins", ex);
		}
	}

}
