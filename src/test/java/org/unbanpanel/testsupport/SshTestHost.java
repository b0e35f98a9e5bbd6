package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.util.FileSystemUtils;
import org.unbanpanel.demo.ProgramRun;
import org.unbanpanel.sudo.PrivateSudoers;

/**
 * Another host of the fleet, for tests: a real OpenSSH sshd (Debian's {@code openssh-server}) of its own on a loopback
 * address of its own ({@code 127.x.y.z}) and a free port, with its own ed25519 host key, its own account standing for
 * {@code unban-panel} (a login shell, no password, a home), that account's sudoers rules from the shipped
 * {@code config/sudoers.d/unban-panel} ({@link PrivateSudoers}), and its own private fail2ban-server
 * ({@link Fail2banServer}) and faillock directory, which those rules lead to.
 * <p>
 * Every test host shares this machine's {@code /etc}, so each account and its sudoers file carry a random suffix, and
 * each host's rules name only its own wrappers: the account of one host cannot reach another host's fail2ban through
 * sudo, which is what shows that a command ran under the rules of the host it was sent to.
 * <p>
 * sshd runs as root ({@code -f} with a configuration in the host's folder under {@code target/}); {@link #stop()}
 * ends it and every session it holds, as a host going down would; {@link #pause()} freezes them, as a host that no
 * longer answers. Root only; {@link #close()} removes everything.
 */
public final class SshTestHost implements AutoCloseable {

	public static final String SSHD = "/usr/sbin/sshd";

	private static final String SSH_KEYGEN = "/usr/bin/ssh-keygen";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String FAILLOCK_DIR = "faillock";

	private final Path directory;

	private final String address;

	private final int port;

	private final Fail2banServer fail2ban;

	private final PrivateSudoers sudoers;

	private final Thread cleanupAtExit = new Thread(this::stopQuietly, "sshd cleanup");

	private SshTestHost(Path directory, String address, int port, Fail2banServer fail2ban, PrivateSudoers sudoers) {
		this.directory = directory;
		this.address = address;
		this.port = port;
		this.fail2ban = fail2ban;
		this.sudoers = sudoers;
	}

	/** Sets the host up and starts its sshd and fail2ban-server; skips locally, fails under CI, without them. */
	public static SshTestHost start() {
		SystemTools.requireRoot();
		SystemTools.requireProgram(SSHD, "openssh-server");
		SystemTools.requireProgram(SSH_KEYGEN, "openssh-client");
		Path directory = createDirectory();
		Fail2banServer fail2ban = null;
		PrivateSudoers sudoers = null;
		try {
			fail2ban = Fail2banServer.start();
			Path faillock = Files.createDirectories(directory.resolve(FAILLOCK_DIR));
			sudoers = PrivateSudoers.installForLogin(fail2ban.command(), faillock, directory.resolve("home"));
			String address = loopbackAddress();
			SshTestHost host = new SshTestHost(directory, address, freePort(address), fail2ban, sudoers);
			host.configure();
			host.launch();
			Runtime.getRuntime().addShutdownHook(host.cleanupAtExit);
			return host;
		}
		catch (IOException | RuntimeException ex) {
			if (sudoers != null) {
				sudoers.close();
			}
			if (fail2ban != null) {
				fail2ban.close();
			}
			FileSystemUtils.deleteRecursively(directory.toFile());
			throw ex instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) ex;
		}
	}

	public String address() {
		return address;
	}

	public int port() {
		return port;
	}

	/** The account the panel logs in as, which stands for {@code unban-panel} on this host. */
	public String user() {
		return sudoers.user();
	}

	/** The account's home: a file a payload run as that account would create lands here. */
	public Path home() {
		return directory.resolve("home");
	}

	public Fail2banServer fail2ban() {
		return fail2ban;
	}

	/** The host's faillock records, which its faillock reads and resets ({@link PamLockout#createIn}). */
	public Path faillockDir() {
		return directory.resolve(FAILLOCK_DIR);
	}

	/** {@code fail2ban.command} for this host, as in production: {@code [sudo, -n, /usr/bin/fail2ban-client]}. */
	public List<String> fail2banCommand() {
		return sudoers.sudoCommand(PrivateSudoers.FAIL2BAN_CLIENT);
	}

	/** {@code accounts.faillock.command} for this host: {@code [sudo, -n, /usr/sbin/faillock]}. */
	public List<String> faillockCommand() {
		return sudoers.sudoCommand(PrivateSudoers.FAILLOCK);
	}

	/** This host's key as {@code ssh-keyscan} prints it: {@code [127.x.y.z]:port ssh-ed25519 AAAA…}. */
	public String knownHostsLine() {
		return "[" + address + "]:" + port + " " + publicHostKey();
	}

	/** This host's key file's line, {@code ssh-ed25519 AAAA… comment}. */
	public String publicHostKey() {
		return read(directory.resolve("ssh_host_ed25519_key.pub")).strip();
	}

	/** {@code ssh-keygen -lf} of the host key: what an admin compares on the host. */
	public String hostKeyFingerprint() {
		return ProgramRun.of(List.of(SSH_KEYGEN, "-lf", directory.resolve("ssh_host_ed25519_key.pub").toString()),
				TIMEOUT).requireSuccess("ssh-keygen -l").stdout().split(" ")[1];
	}

	/** Replaces the account's {@code authorized_keys} with these lines. */
	public void authorize(String... lines) {
		write(directory.resolve("authorized_keys").resolve(user()), String.join("\n", lines) + "\n", "rw-r--r--");
	}

	/**
	 * The settings of a panel for this host as {@code panel.hosts[index]}, with its production commands:
	 * {@code fail2ban.command} and faillock with this host's directory.
	 */
	public Map<String, String> settings(int index, String name) {
		String prefix = "panel.hosts[" + index + "].";
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put(prefix + "name", name);
		settings.put(prefix + "address", address);
		settings.put(prefix + "port", Integer.toString(port));
		settings.put(prefix + "user", user());
		settings.put(prefix + "host-key", knownHostsLine());
		settings.put(prefix + "fail2ban.command", String.join(",", fail2banCommand()));
		settings.put(prefix + "accounts.backend", "faillock");
		settings.put(prefix + "accounts.faillock.command", String.join(",", faillockCommand()));
		settings.put(prefix + "accounts.faillock.dir", "/var/run/faillock");
		return settings;
	}

	/** What sshd has logged (level VERBOSE): connections, keys accepted, commands. */
	public String log() {
		return read(directory.resolve("sshd.log"));
	}

	/** Stops sshd and every session it holds, as a host going down would; safe to call twice. */
	public void stop() {
		resume();
		listener().ifPresent(sshd -> {
			sshd.descendants().forEach(ProcessHandle::destroyForcibly);
			sshd.destroy();
			sshd.onExit().join();
		});
	}

	/** Starts sshd again after {@link #stop()}, unless it runs. */
	public void restart() {
		if (listener().isEmpty()) {
			launch();
		}
	}

	/** Freezes sshd and its sessions ({@code SIGSTOP}): connections are taken but never answered. */
	public void pause() {
		signal("-STOP");
	}

	public void resume() {
		signal("-CONT");
	}

	@Override
	public void close() {
		try {
			stop();
		}
		finally {
			try {
				sudoers.close();
			}
			finally {
				fail2ban.close();
				FileSystemUtils.deleteRecursively(directory.toFile());
				try {
					Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
				}
				catch (IllegalStateException ex) {
					// the JVM is already shutting down and runs the hook itself
				}
			}
		}
	}

	private void configure() throws IOException {
		Files.createDirectories(Path.of("/run/sshd"));
		ProgramRun.of(List.of(SSH_KEYGEN, "-q", "-t", "ed25519", "-N", "", "-C", "root@" + address, "-f",
				directory.resolve("ssh_host_ed25519_key").toString()), TIMEOUT).requireSuccess("ssh-keygen");
		Files.createDirectories(directory.resolve("authorized_keys"));
		authorize();
		write(directory.resolve("sshd_config"), String.join("\n",
				"Port " + port,
				"ListenAddress " + address,
				"HostKey " + directory.resolve("ssh_host_ed25519_key"),
				"PidFile " + directory.resolve("sshd.pid"),
				"AuthorizedKeysFile " + directory.resolve("authorized_keys") + "/%u",
				"AllowUsers " + user(),
				"PubkeyAuthentication yes",
				// offered, so that the tests show the panel never uses them: the account has no password
				"PasswordAuthentication yes",
				"KbdInteractiveAuthentication yes",
				"AllowTcpForwarding yes",
				"AllowAgentForwarding yes",
				"PermitRootLogin no",
				"UsePAM no",
				"StrictModes yes",
				"MaxStartups 100:30:200",
				"LogLevel DEBUG1",
				""), "rw-r--r--");
	}

	private void launch() {
		ProgramRun.of(List.of(SSHD, "-f", directory.resolve("sshd_config").toString(), "-E",
				directory.resolve("sshd.log").toString()), TIMEOUT).requireSuccess("sshd");
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (!accepts()) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("sshd does not answer on " + address + ":" + port + ": " + log());
			}
			sleep();
		}
	}

	private boolean accepts() {
		return listener().isPresent() && MachineAddress.accepts(inet(address), port);
	}

	private Optional<ProcessHandle> listener() {
		Path pidFile = directory.resolve("sshd.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		try {
			return ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive);
		}
		catch (IOException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private void signal(String signal) {
		listener().ifPresent(sshd -> {
			List<String> kill = new ArrayList<>(List.of("kill", signal, Long.toString(sshd.pid())));
			sshd.descendants().forEach(session -> kill.add(Long.toString(session.pid())));
			ProgramRun.of(kill, TIMEOUT);
		});
	}

	private void stopQuietly() {
		try {
			stop();
		}
		catch (RuntimeException ex) {
			// the JVM is exiting
		}
	}

	private static Path createDirectory() {
		try {
			Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
			Path directory = target.resolve("ssh-host-" + UUID.randomUUID().toString().substring(0, 8));
			Files.createDirectory(directory);
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** 127.x.y.z of its own, so that hosts of several test runs at once never share an address and port. */
	private static String loopbackAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "127." + random.nextInt(1, 255) + "." + random.nextInt(0, 256) + "." + random.nextInt(1, 255);
	}

	private static int freePort(String address) throws IOException {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(inet(address), 0));
			return socket.getLocalPort();
		}
	}

	private static InetAddress inet(String address) {
		try {
			return InetAddress.getByName(address);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void write(Path file, String text, String mode) {
		try {
			Files.writeString(file, text);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
