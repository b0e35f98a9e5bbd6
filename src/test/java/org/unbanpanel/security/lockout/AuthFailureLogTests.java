package org.unbanpanel.security.lockout;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.web.PanelProperties;

import static org.assertj.core.api.Assertions.assertThat;

class AuthFailureLogTests {

	private static final OffsetDateTime TIME = OffsetDateTime.of(2026, 11, 25, 11, 52, 3, 0, ZoneOffset.UTC);

	@TempDir
	Path dataDir;

	@Test
	void writesOneLineInTheFormatTheFail2banFilterReads() {
		assertThat(AuthFailureLog.line(TIME, "alice", "192.0.2.1"))
			.isEqualTo("2026-11-25T11:52:03+0000 unban-panel: authentication failure for user=alice from=192.0.2.1");
	}

	@Test
	void encodesWhatCouldBreakTheLineOrForgeAnAddress() {
		assertThat(AuthFailureLog.sanitise("bob\r\nINFO")).isEqualTo("bob%0D%0AINFO");
		assertThat(AuthFailureLog.sanitise("x from=203.0.113.9")).isEqualTo("x%20from%3D203.0.113.9");
		assertThat(AuthFailureLog.sanitise("nul\0tab\tesc\u001b")).isEqualTo("nul%00tab%09esc%1B");
		assertThat(AuthFailureLog.sanitise("a+b")).isEqualTo("a%2Bb");
		assertThat(AuthFailureLog.sanitise("jürgen")).isEqualTo("j%C3%BCrgen");
		assertThat(AuthFailureLog.sanitise("ali.ce_01-x")).isEqualTo("ali.ce_01-x");
		assertThat(AuthFailureLog.sanitise("")).isEmpty();
		assertThat(AuthFailureLog.sanitise(null)).isEmpty();
	}

	@Test
	void cutsALongNameAndSaysSo() {
		String name = "a".repeat(100_000);

		assertThat(AuthFailureLog.sanitise(name)).isEqualTo("a".repeat(AuthFailureLog.MAX_NAME) + AuthFailureLog.CUT);
		assertThat(AuthFailureLog.sanitise("a".repeat(AuthFailureLog.MAX_NAME))).doesNotContain(AuthFailureLog.CUT);
	}

	@Test
	void createsTheFileOnStartReadableByItsGroupOnlyAndAppendsEachFailure() throws Exception {
		Path file = dataDir.resolve("logs/auth.log");
		AuthFailureLog log = new AuthFailureLog(new LockoutProperties(file, null), panel(),
				new MutableClock(TIME.toInstant()));
		assertThat(file).exists().isEmptyFile();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r-----");

		log.failure("alice", "192.0.2.1");
		log.failure("bob\nx from=203.0.113.9", "2001:db8::1");

		assertThat(Files.readAllLines(file)).isEqualTo(List.of(
				"2026-11-25T11:52:03+0000 unban-panel: authentication failure for user=alice from=192.0.2.1",
				"2026-11-25T11:52:03+0000 unban-panel: authentication failure for user=bob%0Ax%20from%3D203.0.113.9"
						+ " from=2001:db8::1"));
	}

	@Test
	void liesInTheDataDirectoryByDefault() {
		new AuthFailureLog(new LockoutProperties(null, null), panel(), new MutableClock(Instant.EPOCH));

		assertThat(dataDir.resolve("auth.log")).exists();
	}

	private PanelProperties panel() {
		return new PanelProperties(dataDir, List.of(), null, null);
	}

}
