package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.unbanpanel.demo.PrivateFail2ban;
import org.unbanpanel.demo.ProgramRun;

/**
 * A private fail2ban-server for integration tests, started once per test class: the demo's {@link PrivateFail2ban}
 * (own configuration, socket, pid file, database and jail logs, the six MaadiX jails on the polling backend, the
 * dummy ban action) in a fresh folder {@code target/fail2ban-*}, with what only tests need on top. Use it from
 * {@code @BeforeAll}/{@code @AfterAll}:
 *
 * <pre>
 * server = Fail2banServer.start();   // skips the class locally, fails it under CI, when fail2ban is missing
 * ...
 * server.close();
 * </pre>
 *
 * Its own {@code fail2ban-client} calls ({@link #ban}, {@link #bannedIn}) let tests check fail2ban's state without the
 * adapter under test.
 */
public final class Fail2banServer implements AutoCloseable {

	public static final String SERVER = PrivateFail2ban.SERVER;

	public static final String CLIENT = PrivateFail2ban.CLIENT;

	/** The MaadiX jails, in the order the configuration declares them. */
	public static final List<String> JAILS = PrivateFail2ban.JAILS;

	/** Failures within {@code findtime = 10m} that ban an address, in every jail. */
	public static final int MAX_RETRY = PrivateFail2ban.MAX_RETRY;

	private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

	private final PrivateFail2ban server;

	private final Thread cleanupAtExit = new Thread(this::stopQuietly, "fail2ban-server cleanup");

	private boolean paused;

	private Fail2banServer(PrivateFail2ban server) {
		this.server = server;
	}

	/**
	 * One of the six jails reading real service lines with a filter of Debian's fail2ban package instead of the
	 * private one, for {@link #start(PackagedFilter...)} (see {@link PrivateFail2ban.Setup#withSystemFilter(String,
	 * String, Path)}): on the jail's own log file ({@link #logFile}) or, for {@code backend = systemd}, on the journal
	 * files in a folder.
	 *
	 * @param filter as jail.conf names it, options included: {@code sshd}, {@code postfix[mode=auth]}
	 * @param journalDirectory the folder of journal files the jail reads, {@code null} for its log file
	 */
	public record PackagedFilter(String jail, String filter, Path journalDirectory) {

		public static PackagedFilter onLogFile(String jail, String filter) {
			return new PackagedFilter(jail, filter, null);
		}

		public static PackagedFilter onJournal(String jail, String filter, Path journalDirectory) {
			return new PackagedFilter(jail, filter, journalDirectory);
		}

	}

	/** Writes a fresh configuration under {@code target/} and starts the server; returns once it answers ping. */
	public static Fail2banServer start() {
		return start(false, null);
	}

	/** Like {@link #start()}, with some of the six jails on real filters of Debian's fail2ban package. */
	public static Fail2banServer start(PackagedFilter... filters) {
		return start(false, null, List.of(filters));
	}

	/**
	 * Like {@link #start()}, with one more jail from the project's shipped configuration files (see
	 * {@link PrivateFail2ban.Setup#withJail}).
	 */
	public static Fail2banServer start(PrivateFail2ban.ExtraJail jail) {
		return start(false, jail);
	}

	/**
	 * Like {@link #start()}, but the dummy action's ban and unban run no command at all, where fail2ban's dummy starts
	 * a shell for each address. For the benchmark, to measure fail2ban's own work apart from its actions.
	 */
	public static Fail2banServer startWithSilentActions() {
		return start(true, null);
	}

	private static Fail2banServer start(boolean silentActions, PrivateFail2ban.ExtraJail jail) {
		return start(silentActions, jail, List.of());
	}

	private static Fail2banServer start(boolean silentActions, PrivateFail2ban.ExtraJail jail,
			List<PackagedFilter> filters) {
		SystemTools.requireProgram(SERVER, "fail2ban");
		SystemTools.requireProgram(CLIENT, "fail2ban");
		Path directory;
		try {
			Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
			directory = Files.createTempDirectory(target, "fail2ban-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		PrivateFail2ban.Setup setup = PrivateFail2ban.in(directory);
		if (silentActions) {
			setup.silentActions();
		}
		if (jail != null) {
			setup.withJail(jail);
		}
		filters.forEach(filter -> setup.withSystemFilter(filter.jail(), filter.filter(), filter.journalDirectory()));
		try {
			Fail2banServer server = new Fail2banServer(setup.start());
			Runtime.getRuntime().addShutdownHook(server.cleanupAtExit);
			return server;
		}
		catch (RuntimeException ex) {
			deleteDirectory(directory);
			throw ex;
		}
	}

	/** The command prefix for {@code panel.fail2ban.command}: the client bound to this server's config and socket. */
	public List<String> command() {
		return server.command();
	}

	public Path socket() {
		return server.socket();
	}

	/** What the jail holds once it holds anything (it bans after its own polling), or nothing after 20 s. */
	public List<String> awaitBanned(String jail) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<String> banned = bannedIn(jail);
		while (banned.isEmpty() && System.nanoTime() < deadline) {
			try {
				Thread.sleep(200);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return banned;
			}
			banned = bannedIn(jail);
		}
		return banned;
	}

	/** Bans the addresses in one jail with a single {@code set <jail> banip} call. */
	public void ban(String jail, String... addresses) {
		server.ban(jail, addresses);
	}

	/** The addresses the jail holds, as fail2ban prints them ({@code get <jail> banip}). */
	public List<String> bannedIn(String jail) {
		return server.bannedIn(jail);
	}

	/**
	 * Appends to the jail's log file {@link #MAX_RETRY} failed logins for each address, stamped with the current time,
	 * as a mail or SSH server would write them: enough for fail2ban to ban each address unless it ignores it.
	 */
	public void failLogins(String jail, String... addresses) {
		String now = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
		StringBuilder lines = new StringBuilder();
		for (int attempt = 0; attempt < MAX_RETRY; attempt++) {
			for (String address : addresses) {
				lines.append(PrivateFail2ban.failureLine(now, address)).append('\n');
			}
		}
		try {
			Files.writeString(server.logFile(jail), lines, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The log file a jail reads, unless it reads a journal; tests append real service lines to it. */
	public Path logFile(String jail) {
		return server.logFile(jail);
	}

	/** What fail2ban-server has logged so far (its {@code fail2ban.log}, level INFO). */
	public String serverLog() {
		try {
			return Files.readString(server.directory().resolve("fail2ban.log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The entries of the jail's ignore list, as {@code get <jail> ignoreip} prints them. */
	public List<String> ignoredIn(String jail) {
		return client(List.of("get", jail, "ignoreip")).lines()
			.filter(line -> line.startsWith("|- ") || line.startsWith("`- "))
			.map(line -> line.substring(3))
			.toList();
	}

	/** Releases everything in every jail, for a clean start of the next test. */
	public void unbanAll() {
		client(List.of("unban", "--all"));
	}

	/** Sets a jail's ban time, for example {@code -1} for permanent bans; fail2ban takes {@code 12h} forms too. */
	public void setBanTime(String jail, String banTime) {
		server.setBanTime(jail, banTime);
	}

	/** Runs fail2ban-client against this server and returns its stdout; fails on a non-zero exit. */
	public String client(List<String> words) {
		return server.client(words);
	}

	/**
	 * Writes a fail2ban-client for this server that runs some shell lines first, for a panel whose client must hold
	 * back or slow down some calls; the real client then runs with the call's arguments.
	 * @param script where to write it (its folder must exist)
	 * @param before shell lines, which may look at the call's arguments ({@code $*})
	 * @return the script, executable
	 */
	public Path clientRunningFirst(Path script, String before) {
		try {
			Files.writeString(script, "#!/bin/sh\n" + before + "exec " + String.join(" ", command()) + " \"$@\"\n");
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
			return script;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Freezes the server ({@code kill -STOP}): it keeps its socket but answers nothing, like a hung server. */
	public void pause() {
		signal("-STOP");
		paused = true;
	}

	public void resume() {
		signal("-CONT");
		paused = false;
	}

	/** Stops the server ({@code stop}, then a kill if it lingers); safe to call twice. */
	public void stop() {
		if (paused) {
			resume();
		}
		server.stop();
	}

	/** Kills the server with SIGKILL, as a crash would: its socket file stays behind. */
	public void crash() {
		if (paused) {
			resume();
		}
		server.kill();
	}

	/** Starts the server again after {@link #stop}, {@link #crash} or {@link #pause}, unless it answers already. */
	public void ensureRunning() {
		if (paused) {
			resume();
		}
		if (!server.answers()) {
			server.launch();
		}
	}

	/**
	 * Watches this server's fail2ban-client processes in {@code /proc} until closed, every few milliseconds: each one
	 * seen and the most seen at once. The harness's own calls ({@link #ban} and the like) count too: make none meanwhile.
	 */
	public ClientWatch watchClients() {
		return new ClientWatch(this::clientProcesses);
	}

	/** The pids of fail2ban-client processes talking to this server, read from {@code /proc}. */
	public List<Long> clientProcesses() {
		return ProcessHandle.allProcesses()
			.filter(process -> commandLine(process).contains(CLIENT) && commandLine(process).contains(socket().toString()))
			.map(ProcessHandle::pid)
			.toList();
	}

	/** Stops the server and deletes its folder. */
	@Override
	public void close() {
		stop();
		deleteDirectory(server.directory());
		try {
			Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down and runs the hook itself
		}
	}

	private void signal(String signal) {
		long pid = server.pid().orElseThrow(() -> new IllegalStateException("fail2ban-server is not running"));
		ProgramRun.of(List.of("kill", signal, Long.toString(pid)), CLIENT_TIMEOUT);
	}

	private static String commandLine(ProcessHandle process) {
		try {
			return Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline")).replace('\0', ' ');
		}
		catch (IOException ex) {
			return "";
		}
	}

	private void stopQuietly() {
		try {
			stop();
		}
		catch (RuntimeException ex) {
			server.kill();
		}
	}

	private static void deleteDirectory(Path directory) {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
