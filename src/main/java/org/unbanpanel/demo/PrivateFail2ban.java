package org.unbanpanel.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A fail2ban-server of its own in one folder: configuration, socket, pid file, database and jail logs, the six jails
 * of the MaadiX reference (sshd, ssh-ddos, apache, dovecot, sasl at 12 h, mxcp at 1 h) on the polling backend, and
 * fail2ban's dummy ban action writing into that folder, so no firewall and none of the machine's own fail2ban is
 * touched. It runs as any user, root or not. The demo profile starts one under the data directory
 * ({@link DemoSite}); the integration tests start one per test class.
 *
 * <pre>
 * PrivateFail2ban server = PrivateFail2ban.in(folder).start();
 * server.ban("sshd", "192.0.2.7");
 * ... server.command() is the panel.fail2ban.command that reaches it ...
 * server.stop();
 * </pre>
 *
 * Each jail reads {@code log/<jail>.log} with a filter for lines {@code 2026-11-25 11:52:03 authentication failure
 * from <address>} ({@link #failureLine}), unless {@link Setup#withSystemFilter} gives it fail2ban's own filter.
 */
public final class PrivateFail2ban {

	public static final String SERVER = "/usr/bin/fail2ban-server";

	public static final String CLIENT = "/usr/bin/fail2ban-client";

	/** The MaadiX jails, in the order the configuration declares them. */
	public static final List<String> JAILS = List.of("sshd", "ssh-ddos", "apache", "dovecot", "mxcp", "sasl");

	/** Failures within {@code findtime = 10m} that ban an address, in every jail. */
	public static final int MAX_RETRY = 5;

	/** Where Debian's fail2ban keeps its filters, for {@link Setup#withSystemFilter}. */
	static final Path SYSTEM_FILTERS = Path.of("/etc/fail2ban/filter.d");

	private static final String FILTER = "authentication-failure";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	/** Linux takes 107 bytes for a Unix socket path; fail2ban fails obscurely beyond that. */
	private static final int MAX_SOCKET_PATH = 107;

	private final Path directory;

	private final Path socket;

	private PrivateFail2ban(Path directory, Path socket) {
		this.directory = directory;
		this.socket = socket;
	}

	/** A server to be configured in {@code directory}, which is created if needed and should be empty. */
	public static Setup in(Path directory) {
		return new Setup(directory.toAbsolutePath());
	}

	/**
	 * Stops a server that an earlier run left in {@code directory} (after a crash or a kill of the process that
	 * started it): the process named by the pid file there, if it is a fail2ban-server of this folder's socket.
	 * @return whether one was running
	 */
	public static boolean stopLeftover(Path directory) {
		PrivateFail2ban leftover = new PrivateFail2ban(directory.toAbsolutePath(),
				directory.toAbsolutePath().resolve("f2b.sock"));
		Optional<ProcessHandle> process = leftover.process();
		process.ifPresent(PrivateFail2ban::terminate);
		return process.isPresent();
	}

	/** An extra jail from a filter file and a jail file, each copied under its own name (see {@link Setup#withJail}). */
	public record ExtraJail(String name, Path filterFile, Path jailFile, Path logPath) {
	}

	/** A jail on a filter of fail2ban's own, on its log file or on a journal folder. */
	private record SystemFilter(String jail, String filter, Path journalDirectory) {

		/** The filter's file, without the options in brackets. */
		String file() {
			int options = filter.indexOf('[');
			return (options < 0 ? filter : filter.substring(0, options)) + ".conf";
		}

	}

	/** How the server is configured before {@link #start()}. */
	public static final class Setup {

		private final Path directory;

		private Path socket;

		private boolean silentActions;

		private final List<ExtraJail> extraJails = new ArrayList<>();

		private final List<SystemFilter> systemFilters = new ArrayList<>();

		private Setup(Path directory) {
			this.directory = directory;
			this.socket = directory.resolve("f2b.sock");
		}

		/** The socket elsewhere than in the folder, for example where the machine's fail2ban-client looks by itself. */
		public Setup socket(Path socket) {
			this.socket = socket.toAbsolutePath();
			return this;
		}

		/**
		 * The dummy action's ban and unban run no command at all, where fail2ban's dummy starts a shell for each
		 * address: for benchmarks that measure fail2ban's own work apart from its actions.
		 */
		public Setup silentActions() {
			this.silentActions = true;
			return this;
		}

		/**
		 * One more jail, as the project ships it: the filter file goes to {@code filter.d/}, the jail file to
		 * {@code jail.d/}, and only what ties the jail to a machine is overridden in {@code jail.d/<jail>.local}: it
		 * reads {@code logPath} on the polling backend, bans with the dummy action, and ignores no address, loopback
		 * included. The log file must exist.
		 */
		public Setup withJail(ExtraJail jail) {
			extraJails.add(jail);
			return this;
		}

		/**
		 * The jail of the same name reads its log with fail2ban's own filter of that name from
		 * {@code /etc/fail2ban/filter.d} (for example {@code sshd}), so real log lines of that daemon ban.
		 */
		public Setup withSystemFilter(String jail) {
			return withSystemFilter(jail, jail, null);
		}

		/**
		 * The jail reads with fail2ban's own {@code filter} (as jail.conf names it, options included:
		 * {@code postfix[mode=auth]}): its log file, or with {@code backend = systemd} the journal files of
		 * {@code journalDirectory} when that is not {@code null}.
		 */
		public Setup withSystemFilter(String jail, String filter, Path journalDirectory) {
			systemFilters.add(new SystemFilter(jail, filter, journalDirectory));
			return this;
		}

		/** Writes the configuration and starts the server; returns once it answers {@code ping}. */
		public PrivateFail2ban start() {
			requireInstalled();
			if (socket.toString().length() > MAX_SOCKET_PATH) {
				throw new IllegalStateException("the path is too deep for a Unix socket (" + socket + " is longer than "
						+ MAX_SOCKET_PATH + " characters)");
			}
			PrivateFail2ban server = new PrivateFail2ban(directory, socket);
			try {
				new Fail2banConfiguration(directory, socket, silentActions).write(extraJails, systemFilters);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot write the fail2ban configuration in " + directory, ex);
			}
			server.launch();
			return server;
		}

	}

	/** @throws Fail2banMissingException when fail2ban's programs are not installed */
	static void requireInstalled() {
		for (String program : List.of(SERVER, CLIENT)) {
			if (!Files.isExecutable(Path.of(program))) {
				throw new Fail2banMissingException(program);
			}
		}
	}

	/** The command prefix for {@code panel.fail2ban.command}: the client bound to this server's config and socket. */
	public List<String> command() {
		return List.of(CLIENT, "-c", conf().toString(), "-s", socket.toString());
	}

	public Path directory() {
		return directory;
	}

	public Path socket() {
		return socket;
	}

	/** The log file the jail reads. */
	public Path logFile(String jail) {
		return directory.resolve("log").resolve(jail + ".log");
	}

	/** A line the private filter counts as one failed login of {@code address} at {@code time} (local time). */
	public static String failureLine(String time, String address) {
		return time + " authentication failure from " + address;
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

	/** Sets a jail's ban time, for example {@code -1} for permanent bans; fail2ban takes {@code 12h} forms too. */
	public void setBanTime(String jail, String banTime) {
		client(List.of("set", jail, "bantime", banTime));
	}

	/** Runs fail2ban-client against this server and returns its stdout; fails on a non-zero exit. */
	public String client(List<String> words) {
		return run(words).requireSuccess(String.join(" ", words)).stdout();
	}

	/** Whether the server answers {@code ping}. */
	public boolean answers() {
		return run(List.of("ping")).exitCode() == 0;
	}

	/** The running server's process id, from its pid file. */
	public Optional<Long> pid() {
		return process().map(ProcessHandle::pid);
	}

	/**
	 * Starts the server on the written configuration, again after {@link #stop} or {@link #kill}: {@code -x} removes
	 * a socket file a killed server left behind. Returns once it answers.
	 */
	public void launch() {
		List<String> line = List.of(SERVER, "-c", conf().toString(), "-s", socket.toString(), "-p",
				pidFile().toString(), "-x", "-b");
		ProgramRun started = ProgramRun.of(line, TIMEOUT, directory.resolve("server.out"));
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!answers()) {
			if (System.nanoTime() > deadline) {
				stop();
				throw new IllegalStateException("fail2ban-server did not start (exit code " + started.exitCode()
						+ "); see " + directory.resolve("server.out") + " and " + directory.resolve("fail2ban.log"));
			}
			sleep(Duration.ofMillis(100));
		}
	}

	/** Stops the server ({@code stop}, then a kill if it lingers); does nothing when it is not running. */
	public void stop() {
		process().ifPresent(server -> {
			run(List.of("stop"));
			awaitOrKill(server);
		});
	}

	/** Kills the server with SIGKILL, as a crash would: its socket and pid files stay behind. */
	public void kill() {
		process().ifPresent(server -> {
			server.destroyForcibly();
			server.onExit().join();
		});
	}

	private ProgramRun run(List<String> words) {
		List<String> line = new ArrayList<>(command());
		line.addAll(words);
		return ProgramRun.of(line, TIMEOUT);
	}

	private Path conf() {
		return directory.resolve("conf");
	}

	private Path pidFile() {
		return directory.resolve("fail2ban.pid");
	}

	/** The live process the pid file names, if it is a fail2ban-server on this socket (pids are reused). */
	private Optional<ProcessHandle> process() {
		try {
			if (!Files.exists(pidFile())) {
				return Optional.empty();
			}
			long pid = Long.parseLong(Files.readString(pidFile()).strip());
			return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(this::servesThisSocket);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private boolean servesThisSocket(ProcessHandle process) {
		try {
			List<String> arguments = List.of(Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"))
				.split("\0"));
			return arguments.stream().anyMatch(argument -> argument.endsWith("fail2ban-server"))
					&& arguments.contains(socket.toString());
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static void terminate(ProcessHandle server) {
		server.destroy();
		awaitOrKill(server);
	}

	private static void awaitOrKill(ProcessHandle server) {
		try {
			server.onExit().get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			server.destroyForcibly();
			server.onExit().join();
		}
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

	/** Writes the configuration files. */
	private record Fail2banConfiguration(Path directory, Path socket, boolean silentActions) {

		void write(List<ExtraJail> extraJails, List<SystemFilter> systemFilters) throws IOException {
			Path conf = directory.resolve("conf");
			Files.createDirectories(conf.resolve("filter.d"));
			Files.createDirectories(conf.resolve("action.d"));
			Files.createDirectories(directory.resolve("log"));
			write(conf.resolve("fail2ban.conf"), """
					[Definition]
					loglevel = INFO
					logtarget = %1$s/fail2ban.log
					syslogsocket = auto
					allowipv6 = auto
					socket = %2$s
					pidfile = %1$s/fail2ban.pid
					dbfile = %1$s/fail2ban.sqlite3
					dbpurgeage = 1d
					""".formatted(directory, socket));
			write(conf.resolve("filter.d/" + FILTER + ".conf"), """
					[Definition]
					failregex = ^authentication failure from <HOST>$
					datepattern = ^%%Y-%%m-%%d %%H:%%M:%%S\\s
					""");
			// fail2ban's own dummy action, with its file kept here instead of /var/run/fail2ban
			write(conf.resolve("action.d/dummy.conf"), """
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
			write(conf.resolve("jail.conf"), jails(systemFilters));
			for (SystemFilter filter : systemFilters) {
				copySystemFilter(conf, filter.file());
			}
			for (ExtraJail jail : extraJails) {
				addExtra(conf, jail);
			}
		}

		private String jails(List<SystemFilter> systemFilters) throws IOException {
			StringBuilder jails = new StringBuilder("""
					[DEFAULT]
					enabled = true
					backend = polling
					banaction = dummy
					action = %%(banaction)s[target="%1$s/dummy-%%(__name__)s.txt"]
					filter = %2$s
					logpath = %1$s/log/%%(__name__)s.log
					usedns = no
					ignoreself = false
					maxretry = %3$d
					findtime = 10m
					bantime = 12h
					""".formatted(directory, FILTER, MAX_RETRY));
			for (String jail : JAILS) {
				Files.createFile(directory.resolve("log/" + jail + ".log"));
				jails.append("\n[").append(jail).append("]\n");
				if ("mxcp".equals(jail)) {
					jails.append("bantime = 1h\n");
				}
				for (SystemFilter filter : systemFilters) {
					if (filter.jail().equals(jail)) {
						jails.append("filter = ").append(filter.filter()).append('\n');
					}
					if (filter.jail().equals(jail) && filter.journalDirectory() != null) {
						jails.append("backend = systemd[journalpath=\"").append(filter.journalDirectory().toAbsolutePath())
							.append("\"]\n");
					}
				}
			}
			return jails.toString();
		}

		/** The filter's file and what it includes ({@code common.conf}, as Debian's filters do). */
		private static void copySystemFilter(Path conf, String filterFile) throws IOException {
			for (String file : List.of(filterFile, "common.conf")) {
				Path target = conf.resolve("filter.d").resolve(file);
				if (!Files.exists(target)) {
					Files.copy(SYSTEM_FILTERS.resolve(file), target);
				}
			}
		}

		private void addExtra(Path conf, ExtraJail jail) throws IOException {
			Files.createDirectories(conf.resolve("jail.d"));
			Files.copy(jail.filterFile(), conf.resolve("filter.d").resolve(jail.filterFile().getFileName()));
			Files.copy(jail.jailFile(), conf.resolve("jail.d").resolve(jail.jailFile().getFileName()));
			write(conf.resolve("jail.d/" + jail.name() + ".local"), """
					[%1$s]
					logpath = %2$s
					backend = polling
					action = dummy[target="%3$s/dummy-%1$s.txt"]
					ignoreself = false
					ignoreip =
					""".formatted(jail.name(), jail.logPath().toAbsolutePath(), directory));
		}

		private static void write(Path file, String text) throws IOException {
			Files.writeString(file, text, StandardCharsets.UTF_8);
		}

	}

}
