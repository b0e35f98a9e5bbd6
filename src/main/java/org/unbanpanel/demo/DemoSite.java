package org.unbanpanel.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.util.FileSystemUtils;

/**
 * What the demo runs against, made afresh under the data directory at every start: a {@link PrivateFail2ban} in
 * {@code fail2ban/} holding {@link #BANS}, one more address that fail2ban bans by itself from real sshd log lines
 * ({@link #FROM_LOG}), a locked account in a private faillock directory {@code faillock/}
 * ({@link FaillockTally}), and an {@code admin} with a new random password. The server stops when the panel stops
 * ({@link #destroy()}, also after a failed start); one left running by a killed panel is stopped at the next start.
 */
final class DemoSite implements DisposableBean, ApplicationListener<ApplicationReadyEvent> {

	/** The ban every jail page and Unblock Access case needs; documented in the README's demo section. */
	record DemoBan(String jail, String address, String why) {
	}

	static final List<DemoBan> BANS = List.of(
			new DemoBan("dovecot", "203.0.113.7", "one office behind one address, banned in two jails"),
			new DemoBan("sasl", "203.0.113.7", "the same address in a second jail"),
			new DemoBan("sshd", "2001:db8:4a::17", "an IPv6 address"),
			new DemoBan("apache", "198.51.100.0/24", "a whole network"),
			new DemoBan("sshd", "198.51.100.23", "an address inside the banned network"),
			new DemoBan("ssh-ddos", "192.0.2.66", "a permanent ban (the demo's ssh-ddos bans for ever)"),
			new DemoBan("mxcp", "192.0.2.80", "the control panel's 1-hour ban"));

	/** Banned by fail2ban itself after {@link PrivateFail2ban#MAX_RETRY} failed passwords in the demo's sshd log. */
	static final String FROM_LOG = "203.0.113.50";

	/** Where the locked account's failures come from. */
	static final String LOCK_SOURCE = "203.0.113.7";

	static final int LOCK_FAILURES = 3;

	static final String ADMIN = "admin";

	/** Marks a folder as the demo's own, so that a mistaken data directory is never wiped. */
	static final String MARKER = ".unban-panel-demo";

	private static final Logger log = LoggerFactory.getLogger(DemoSite.class);

	private static final Duration BAN_WAIT = Duration.ofSeconds(30);

	private final Path dataDir;

	private final PrivateFail2ban fail2ban;

	private final String account;

	private final String password;

	private DemoSite(Path dataDir, PrivateFail2ban fail2ban, String account, String password) {
		this.dataDir = dataDir;
		this.fail2ban = fail2ban;
		this.account = account;
		this.password = password;
	}

	/**
	 * Empties {@code dataDir} (after stopping a server an earlier run left there) and sets everything up in it.
	 * @param account the user name whose account the demo shows as locked
	 * @throws Fail2banMissingException when fail2ban is not installed; nothing has been changed then
	 */
	static DemoSite start(Path dataDir, String account) {
		PrivateFail2ban.requireInstalled();
		Path directory = dataDir.toAbsolutePath().normalize();
		reset(directory);
		PrivateFail2ban fail2ban = PrivateFail2ban.in(directory.resolve("fail2ban")).withSystemFilter("sshd").start();
		try {
			fail2ban.setBanTime("ssh-ddos", "-1");
			BANS.forEach(ban -> fail2ban.ban(ban.jail(), ban.address()));
			failPasswords(fail2ban, FROM_LOG);
			FaillockTally.write(directory.resolve("faillock"), account, LOCK_SOURCE, LOCK_FAILURES, Instant.now());
			awaitBan(fail2ban, "sshd", FROM_LOG);
			return new DemoSite(directory, fail2ban, account, KeyGenerators.string().generateKey());
		}
		catch (RuntimeException ex) {
			fail2ban.stop();
			throw ex;
		}
	}

	/** The settings that point the panel at the demo, ahead of every other source. */
	Map<String, Object> settings() {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("server.address", "127.0.0.1");
		List<String> command = fail2ban.command();
		for (int i = 0; i < command.size(); i++) {
			settings.put("panel.fail2ban.command[" + i + "]", command.get(i));
		}
		settings.put("panel.accounts.backend", "faillock");
		settings.put("panel.accounts.faillock.command[0]", FaillockTally.FAILLOCK);
		settings.put("panel.accounts.faillock.dir", faillockDir().toString());
		settings.put("panel.users[0].username", ADMIN);
		settings.put("panel.users[0].password", "{bcrypt}" + new BCryptPasswordEncoder().encode(password));
		settings.put("panel.users[0].role", "ADMIN");
		return settings;
	}

	PrivateFail2ban fail2ban() {
		return fail2ban;
	}

	Path faillockDir() {
		return dataDir.resolve("faillock");
	}

	String account() {
		return account;
	}

	/** Prints where to go and how to sign in, once the panel answers. */
	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		Environment environment = event.getApplicationContext().getEnvironment();
		String address = environment.getProperty("server.address", "127.0.0.1");
		String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
		log.info("""

				Unban Panel demo: open http://{}:{}/ and sign in as '{}' with the password {}
				  its own fail2ban-server ({}) holds:
				{}
				  and {} banned by fail2ban itself after {} failed passwords in {};
				  the account '{}' is locked by {} failed logins (faillock --dir {}).
				  Everything is made afresh at each start; Ctrl-C stops the panel and its fail2ban-server.""", address,
				port, ADMIN, password, fail2ban.socket(), bansText(), FROM_LOG, PrivateFail2ban.MAX_RETRY,
				fail2ban.logFile("sshd"), account, LOCK_FAILURES, faillockDir());
	}

	/** Stops the demo's fail2ban-server. */
	@Override
	public void destroy() {
		fail2ban.stop();
	}

	private static String bansText() {
		return String.join("\n", BANS.stream()
			.map(ban -> "    %-16s in %-9s %s".formatted(ban.address(), ban.jail(), ban.why()))
			.toList());
	}

	/** Stops what an earlier run left and empties the folder, which must be the demo's own (or new, or empty). */
	private static void reset(Path directory) {
		PrivateFail2ban.stopLeftover(directory.resolve("fail2ban"));
		try {
			if (Files.isDirectory(directory)) {
				if (!Files.exists(directory.resolve(MARKER)) && !isEmpty(directory)) {
					throw new IllegalStateException("panel.data-dir " + directory + " holds files that are not the demo's;"
							+ " the demo empties its data directory at every start, so give it a folder of its own");
				}
				FileSystemUtils.deleteRecursively(directory);
			}
			Files.createDirectories(directory);
			Files.createFile(directory.resolve(MARKER));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot prepare the demo's data directory " + directory, ex);
		}
	}

	private static boolean isEmpty(Path directory) throws IOException {
		try (Stream<Path> entries = Files.list(directory)) {
			return entries.findAny().isEmpty();
		}
	}

	/** sshd's own lines, as Debian 12's rsyslog writes them to /var/log/auth.log, read by fail2ban's sshd filter. */
	private static void failPasswords(PrivateFail2ban fail2ban, String address) {
		StringBuilder lines = new StringBuilder();
		for (int attempt = 0; attempt < PrivateFail2ban.MAX_RETRY; attempt++) {
			String time = OffsetDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx"));
			lines.append(time)
				.append(" demo sshd[4242]: Failed password for invalid user admin from ")
				.append(address)
				.append(" port ")
				.append(52100 + attempt)
				.append(" ssh2\n");
		}
		try {
			Files.writeString(fail2ban.logFile("sshd"), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void awaitBan(PrivateFail2ban fail2ban, String jail, String address) {
		long deadline = System.nanoTime() + BAN_WAIT.toNanos();
		while (!fail2ban.bannedIn(jail).contains(address)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("fail2ban did not ban " + address + " from the failed passwords in "
						+ fail2ban.logFile(jail) + " within " + BAN_WAIT.toSeconds() + " s");
			}
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

}
