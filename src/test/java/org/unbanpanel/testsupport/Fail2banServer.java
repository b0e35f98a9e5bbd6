package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private fail2ban-server for integration tests, started once per test class: its own configuration, socket, pid
 * file, database and jail logs under {@code target/fail2ban-*}, the six MaadiX jails (sshd, ssh-ddos, apache,
 * dovecot, sasl at 12 h, mxcp at 1 h) on the polling backend, and a dummy ban action that only appends to a file in
 * that folder, so no firewall is touched. Use it from {@code @BeforeAll}/{@code @AfterAll}:
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

	public static final String SERVER = "/usr/bin/fail2ban-server";

	public static final String CLIENT = "/usr/bin/fail2ban-client";

	/** The MaadiX jails, in the order the configuration declares them. */
	public static final List<String> JAILS = List.of("sshd", "ssh-ddos", "apache", "dovecot", "mxcp", "sasl");

	/** Failures within {@code findtime = 10m} that ban an address, in every jail. */
	public static final int MAX_RETRY = 5;

	private static final Duration CLIENT_TIMEOUT = Duration.ofSeconds(30);

	/** Linux takes 107 bytes for a Unix socket path; fail2ban fails obscurely beyond that. */
	private static final int MAX_SOCKET_PATH = 107;

	private final Path directory;

	private final boolean silentActions;

	private final List<ShippedJail> shippedJails;

	private final Thread cleanupAtExit = new Thread(this::stopQuietly, "fail2ban-server cleanup");

	private boolean paused;

	private Fail2banServer(Path directory, boolean silentActions, List<ShippedJail> shippedJails) {
		this.directory = directory;
		this.silentActions = silentActions;
		this.shippedJails = shippedJails;
	}

	/**
	 * A jail as the project ships it, for {@link #start(ShippedJail)}: the filter file is copied into
	 * {@code filter.d/} and the jail file into {@code jail.d/}, both under their own names, and only what ties the jail
	 * to this machine is overridden, in {@code jail.d/<jail>.local}: it reads {@code logPath} on the polling backend,
	 * bans with the dummy action, and ignores no address, loopback included ({@code ignoreself = false}, empty
	 * {@code ignoreip}), since the tests' clients come from 127.0.0.1. The log file must exist.
	 *
	 * @param name the jail's name as the jail file declares it
	 */
	public record ShippedJail(String name, Path filterFile, Path jailFile, Path logPath) {
	}

	/** Writes a fresh configuration under {@code target/} and starts the server; returns once it answers ping. */
	public static Fail2banServer start() {
		return start(false, List.of());
	}

	/** Like {@link #start()}, with one more jail from the project's shipped configuration files. */
	public static Fail2banServer start(ShippedJail jail) {
		return start(false, List.of(jail));
	}

	/**
	 * Like {@link #start()}, but the dummy action's ban and unban run no command at all, where fail2ban's dummy starts
	 * a shell for each address. For the benchmark, to measure fail2ban's own work apart from its actions.
	 */
	public static Fail2banServer startWithSilentActions() {
		return start(true, List.of());
	}

	private static Fail2banServer start(boolean silentActions, List<ShippedJail> shippedJails) {
		SystemTools.requireProgram(SERVER, "fail2ban");
		SystemTools.requireProgram(CLIENT, "fail2ban");
		try {
			Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
			Fail2banServer server = new Fail2banServer(Files.createTempDirectory(target, "fail2ban-"), silentActions,
					shippedJails);
			if (server.socket().toString().length() > MAX_SOCKET_PATH) {
				server.deleteDirectory();
				throw new IllegalStateException("the checkout path is too deep for a Unix socket under target/ ("
						+ server.socket() + " is longer than " + MAX_SOCKET_PATH + " characters)");
			}
			server.configure();
			Runtime.getRuntime().addShutdownHook(server.cleanupAtExit);
			server.launch();
			return server;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The command prefix for {@code panel.fail2ban.command}: the client bound to this server's config and socket. */
	public List<String> command() {
		return List.of(CLIENT, "-c", conf().toString(), "-s", socket().toString());
	}

	public Path socket() {
		return directory.resolve("f2b.sock");
	}

	/** What the jail holds once it holds anything (it bans after its own polling), or nothing after 20 s. */
	public List<String> awaitBanned(String jail) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		List<String> banned = bannedIn(jail);
		while (banned.isEmpty() && System.nanoTime() < deadline) {
			sleep(Duration.ofMillis(200));
			banned = bannedIn(jail);
		}
		return banned;
	}

	/** Bans the addresses in one jail with a single {@code set <jail> banip} call. */
	public void ban(String jail, String... addresses) {
		List<String> words = new ArrayList<>(List.of("set", jail, "banip"));
		words.addAll(Arrays.asList(addresses));
		client(words);
	}

	/** The addresses the jail holds, as fail2ban prints them ({@code get <jail> banip}). */
	public List<String> bannedIn(String jail) {
		String list = client(List.of("get", jail, "banip")).strip();
		return list.isEmpty() ? List.of() : List.of(list.split("\\s+"));
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
				lines.append(now).append(" authentication failure from ").append(address).append('\n');
			}
		}
		try {
			Files.writeString(directory.resolve("log/" + jail + ".log"), lines, StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** What fail2ban-server has logged so far (its {@code fail2ban.log}, level INFO). */
	public String serverLog() {
		try {
			return Files.readString(directory.resolve("fail2ban.log"));
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
		client(List.of("set", jail, "bantime", banTime));
	}

	/** Runs fail2ban-client against this server and returns its stdout; fails on a non-zero exit. */
	public String client(List<String> words) {
		List<String> line = new ArrayList<>(command());
		line.addAll(words);
		ProgramRun run = ProgramRun.of(line, CLIENT_TIMEOUT);
		if (run.exitCode() != 0) {
			throw new IllegalStateException(String.join(" ", words) + " failed with exit code " + run.exitCode()
					+ ": " + run.stdout() + run.stderr());
		}
		return run.stdout();
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
		pid().ifPresent(pid -> {
			ProgramRun.of(withWords("stop"), CLIENT_TIMEOUT);
			ProcessHandle.of(pid).ifPresent(Fail2banServer::awaitOrKill);
		});
	}

	/** Kills the server with SIGKILL, as a crash would: its socket file stays behind. */
	public void crash() {
		if (paused) {
			resume();
		}
		pid().flatMap(ProcessHandle::of).ifPresent(Fail2banServer::kill);
	}

	/** Starts the server again after {@link #stop}, {@link #crash} or {@link #pause}, unless it answers already. */
	public void ensureRunning() {
		if (paused) {
			resume();
		}
		if (ProgramRun.of(withWords("ping"), CLIENT_TIMEOUT).exitCode() != 0) {
			launch();
		}
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
		deleteDirectory();
		try {
			Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
		}
		catch (IllegalStateException ex) {
			// the JVM is already shutting down and runs the hook itself
		}
	}

	/** {@code -x} removes a socket file a crashed server left behind. */
	private void launch() {
		List<String> line = List.of(SERVER, "-c", conf().toString(), "-s", socket().toString(), "-p",
				pidFile().toString(), "-x", "-b");
		ProgramRun started = ProgramRun.of(line, CLIENT_TIMEOUT, directory.resolve("server.out"));
		long deadline = System.nanoTime() + CLIENT_TIMEOUT.toNanos();
		while (ProgramRun.of(withWords("ping"), CLIENT_TIMEOUT).exitCode() != 0) {
			if (System.nanoTime() > deadline) {
				stopQuietly();
				throw new IllegalStateException("fail2ban-server did not start (exit code " + started.exitCode()
						+ "); see " + directory.resolve("server.out") + " and " + directory.resolve("fail2ban.log"));
			}
			sleep(Duration.ofMillis(100));
		}
	}

	private List<String> withWords(String... words) {
		List<String> line = new ArrayList<>(command());
		line.addAll(List.of(words));
		return line;
	}

	private void configure() throws IOException {
		Files.createDirectories(conf().resolve("filter.d"));
		Files.createDirectories(conf().resolve("action.d"));
		Files.createDirectories(directory.resolve("log"));
		write(conf().resolve("fail2ban.conf"), """
				[Definition]
				loglevel = INFO
				logtarget = %1$s/fail2ban.log
				syslogsocket = auto
				allowipv6 = auto
				socket = %2$s
				pidfile = %1$s/fail2ban.pid
				dbfile = %1$s/fail2ban.sqlite3
				dbpurgeage = 1d
				""".formatted(directory, socket()));
		write(conf().resolve("filter.d/unban-panel-test.conf"), """
				[Definition]
				failregex = ^authentication failure from <HOST>$
				datepattern = ^%%Y-%%m-%%d %%H:%%M:%%S\\s
				""");
		// fail2ban's own dummy action, with its file kept here instead of /var/run/fail2ban
		write(conf().resolve("action.d/dummy.conf"), """
				[Definition]
				actionstart = touch "<target>"
				actionflush = printf %%%%b "-*\\n" >> "<target>"
				actionstop = rm -f "<target>"
				actioncheck =
				actionban = %2$s
				actionunban = %3$s

				[Init]
				target = %1$s/dummy.txt
				""".formatted(directory, silentActions ? "" : "printf %%b \"+<ip>\\n\" >> \"<target>\"",
				silentActions ? "" : "printf %%b \"-<ip>\\n\" >> \"<target>\""));
		StringBuilder jails = new StringBuilder("""
				[DEFAULT]
				enabled = true
				backend = polling
				banaction = dummy
				action = %%(banaction)s[target="%1$s/dummy-%%(__name__)s.txt"]
				filter = unban-panel-test
				logpath = %1$s/log/%%(__name__)s.log
				usedns = no
				ignoreself = false
				maxretry = %2$d
				findtime = 10m
				bantime = 12h
				""".formatted(directory, MAX_RETRY));
		for (String jail : JAILS) {
			Files.createFile(directory.resolve("log/" + jail + ".log"));
			jails.append("\n[").append(jail).append("]\n").append("mxcp".equals(jail) ? "bantime = 1h\n" : "");
		}
		write(conf().resolve("jail.conf"), jails.toString());
		for (ShippedJail shipped : shippedJails) {
			addShipped(shipped);
		}
	}

	private void addShipped(ShippedJail jail) throws IOException {
		Files.createDirectories(conf().resolve("jail.d"));
		Files.copy(jail.filterFile(), conf().resolve("filter.d").resolve(jail.filterFile().getFileName()));
		Files.copy(jail.jailFile(), conf().resolve("jail.d").resolve(jail.jailFile().getFileName()));
		write(conf().resolve("jail.d/" + jail.name() + ".local"), """
				[%1$s]
				logpath = %2$s
				backend = polling
				action = dummy[target="%3$s/dummy-%1$s.txt"]
				ignoreself = false
				ignoreip =
				""".formatted(jail.name(), jail.logPath().toAbsolutePath(), directory));
	}

	private Path conf() {
		return directory.resolve("conf");
	}

	private Path pidFile() {
		return directory.resolve("fail2ban.pid");
	}

	private Optional<Long> pid() {
		try {
			return Files.exists(pidFile()) ? Optional.of(Long.valueOf(Files.readString(pidFile()).strip()))
					: Optional.empty();
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private void signal(String signal) {
		long pid = pid().orElseThrow(() -> new IllegalStateException("fail2ban-server is not running"));
		ProgramRun.of(List.of("kill", signal, Long.toString(pid)), CLIENT_TIMEOUT);
	}

	private static void awaitOrKill(ProcessHandle server) {
		try {
			server.onExit().get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			kill(server);
		}
	}

	private static void kill(ProcessHandle server) {
		server.destroyForcibly();
		server.onExit().join();
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
			pid().flatMap(ProcessHandle::of).ifPresent(Fail2banServer::kill);
		}
	}

	private void deleteDirectory() {
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text) throws IOException {
		Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
