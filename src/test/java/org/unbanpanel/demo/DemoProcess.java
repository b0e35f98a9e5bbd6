package org.unbanpanel.demo;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.util.FileSystemUtils;
import org.unbanpanel.UnbanPanelApplication;
import org.unbanpanel.testsupport.SystemTools;

/**
 * The demo as a person starts it, in a JVM of its own and, when the tests run as root, as the unprivileged user
 * {@code nobody}: {@code java ... UnbanPanelApplication --spring.profiles.active=demo}, in a folder of its own under
 * {@code /tmp} that only {@code nobody} may write (its data directory is {@code data/demo} there, as with the README's
 * command). The classpath is linked or copied into that folder, since {@code nobody} may not read the build's own.
 * {@link #close()} kills what is still running and deletes the folder.
 */
final class DemoProcess implements AutoCloseable {

	static final String NORMAL_USER = "nobody";

	private static final Pattern SIGN_IN = Pattern
		.compile("open http://127\\.0\\.0\\.1:(\\d+)/ and sign in as 'admin' with the password (\\S+)");

	private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

	private final Path home;

	private final Path output;

	private final List<String> classpath = new ArrayList<>();

	private Process process;

	private DemoProcess(Path home) {
		this.home = home;
		this.output = home.resolve("demo.out");
	}

	/** A folder for demo runs, the classpath linked in; nothing runs yet. */
	static DemoProcess prepare() throws IOException {
		Path home = Files.createTempDirectory(Path.of("/tmp"), "unban-panel-demo-");
		DemoProcess demo = new DemoProcess(home);
		Path lib = Files.createDirectories(home.resolve("lib"));
		demo.classpath.add(lib + File.separator + "*");
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			demo.add(Path.of(entry), lib);
		}
		if (asRoot()) {
			demo.giveToNormalUser();
		}
		return demo;
	}

	/** Whether the demo runs as {@code nobody}; otherwise as the (already unprivileged) user running the tests. */
	static boolean asRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

	/** Starts the demo, after {@code prefix} (for example a command that hides fail2ban), and does not wait. */
	void launch(List<String> prefix) throws IOException {
		List<String> line = new ArrayList<>(prefix);
		if (asRoot()) {
			line.addAll(List.of("/usr/sbin/runuser", "-u", NORMAL_USER, "--"));
		}
		line.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
				String.join(File.pathSeparator, classpath), UnbanPanelApplication.class.getName(),
				"--spring.profiles.active=" + DemoInitializer.PROFILE, "--server.port=" + freePort(),
				"--management.server.port=0"));
		Files.deleteIfExists(output);
		process = new ProcessBuilder(line).directory(home.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.start();
	}

	/** Starts the demo and waits until it prints its sign-in. */
	SignIn start() throws IOException, InterruptedException {
		launch(List.of());
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			Matcher signIn = SIGN_IN.matcher(output());
			if (signIn.find()) {
				return new SignIn(Integer.parseInt(signIn.group(1)), signIn.group(2));
			}
			Thread.sleep(200);
		}
		throw new IllegalStateException("the demo printed no sign-in:\n" + output());
	}

	record SignIn(int port, String password) {
	}

	/** The demo's JVM (below {@code runuser} when started as root). */
	ProcessHandle panel() {
		return asRoot() ? process.toHandle().children().findFirst().orElseThrow() : process.toHandle();
	}

	/** Sends the signal to the panel's JVM, as Ctrl-C ({@code INT}) or a crash ({@code KILL}) would. */
	void signal(String signal) throws IOException, InterruptedException {
		new ProcessBuilder("kill", "-" + signal, Long.toString(panel().pid())).start().waitFor();
	}

	/** Waits for the started command to end; its exit status. */
	int awaitExit() throws InterruptedException {
		if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
			throw new IllegalStateException("the demo did not stop:\n" + output());
		}
		return process.exitValue();
	}

	String output() {
		try {
			return Files.exists(output) ? Files.readString(output) : "";
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Path dataDir() {
		return home.resolve("data/demo");
	}

	/** The demo's fail2ban-server, as its pid file names it and {@code /proc} knows it. */
	Optional<ProcessHandle> fail2banServer() {
		try {
			Path pidFile = dataDir().resolve("fail2ban/fail2ban.pid");
			return Files.exists(pidFile) ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip()))
				.filter(ProcessHandle::isAlive) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every fail2ban-server whose command line names the demo's socket: none must outlive the panel. */
	List<Long> serversOnTheDemoSocket() {
		String socket = dataDir().resolve("fail2ban/f2b.sock").toString();
		return ProcessHandle.allProcesses()
			.filter(process -> process.info().arguments().map(List::of).orElse(List.of()).contains(socket))
			.map(ProcessHandle::pid)
			.toList();
	}

	/** Kills the demo's JVM and any fail2ban-server it left, then deletes the folder. */
	@Override
	public void close() {
		if (process != null && process.isAlive()) {
			process.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly();
		}
		serversOnTheDemoSocket().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
		FileSystemUtils.deleteRecursively(home.toFile());
	}

	/** A class folder is copied; a jar is linked (its file stays root's, readable by all), or copied. */
	private void add(Path entry, Path lib) throws IOException {
		if (Files.isDirectory(entry)) {
			Path copy = home.resolve("classes-" + classpath.size());
			FileSystemUtils.copyRecursively(entry, copy);
			classpath.add(copy.toString());
		}
		else if (Files.isRegularFile(entry) && !Files.exists(lib.resolve(entry.getFileName()))) {
			try {
				Files.createLink(lib.resolve(entry.getFileName()), entry);
			}
			catch (IOException | UnsupportedOperationException ex) {
				Files.copy(entry, lib.resolve(entry.getFileName()));
			}
		}
	}

	/** Only the folder itself, never recursively: a linked jar is the build's own file. */
	private void giveToNormalUser() throws IOException {
		SystemTools.requireProgram("/usr/sbin/runuser", "util-linux");
		try {
			int chown = new ProcessBuilder("chown", NORMAL_USER, home.toString()).start().waitFor();
			if (chown != 0) {
				throw new IllegalStateException("chown " + NORMAL_USER + " " + home + " failed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
