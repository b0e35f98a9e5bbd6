package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * A private PostgreSQL cluster of Debian's {@code postgresql} package, for one test class ({@link WithPostgres}):
 * created with {@code initdb} in a fresh folder {@code target/postgres-*} ({@link #createDirectory()}), started with {@code pg_ctl} on a random
 * free port of the loopback interface with its socket in that folder (never the package's own cluster, its port
 * 5432 or {@code /var/run/postgresql}), and removed with its folder afterwards. PostgreSQL refuses to run as root:
 * a root test run starts it as the {@code postgres} user the package creates.
 */
public final class PostgresServer implements AutoCloseable {

	/** The cluster's superuser, who owns the databases the tests make; local connections need no password. */
	public static final String USER = "panel";

	private static final Path DEBIAN_VERSIONS = Path.of("/usr/lib/postgresql");

	private static final long TIMEOUT_SECONDS = 60;

	private final Path bin;

	private final Path directory;

	private final int port;

	private final Thread cleanupAtExit = new Thread(this::stopQuietly, "postgres cleanup");

	private PostgresServer(Path bin, Path directory, int port) {
		this.bin = bin;
		this.directory = directory;
		this.port = port;
	}

	/** Creates and starts the cluster; returns once it accepts connections. Skips locally, fails under CI, without it. */
	public static PostgresServer start() {
		Path bin = binaries();
		SystemTools.requireProgram(bin.resolve("initdb").toString(), "postgresql");
		SystemTools.requireProgram(bin.resolve("pg_ctl").toString(), "postgresql");
		Path directory = createDirectory();
		PostgresServer server = new PostgresServer(bin, directory, FreePort.next());
		try {
			server.run("initdb", "--pgdata=" + server.data(), "--username=" + USER, "--auth=trust", "--encoding=UTF8",
					"--locale=C.UTF-8", "--no-sync");
			server.run("pg_ctl", "start", "--wait", "--timeout=" + TIMEOUT_SECONDS, "--pgdata=" + server.data(),
					"--log=" + directory.resolve("postgres.log"),
					"--options=-c listen_addresses=127.0.0.1 -c port=" + server.port + " -c unix_socket_directories="
							+ directory + " -c fsync=off -c max_connections=100");
			Runtime.getRuntime().addShutdownHook(server.cleanupAtExit);
			return server;
		}
		catch (RuntimeException ex) {
			server.stopQuietly();
			throw ex;
		}
	}

	/** A new, empty database of its own. @return its JDBC URL */
	public String newDatabase() {
		String name = "panel_" + UUID.randomUUID().toString().replace("-", "");
		try (Connection connection = DriverManager.getConnection(url("postgres"), USER, "");
				Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Creating a database failed: " + ex.getMessage(), ex);
		}
		return url(name);
	}

	/** The settings that point a panel at a database of this server, as command-line arguments. */
	public static List<String> panelSettings(String databaseUrl) {
		return List.of("--spring.datasource.url=" + databaseUrl, "--spring.datasource.username=" + USER,
				"--spring.datasource.password=");
	}

	/** Connections to a database of this server, for a test's own look at what the panel stored. */
	public static DataSource dataSource(String databaseUrl) {
		return new DriverManagerDataSource(databaseUrl, USER, "");
	}

	public int port() {
		return port;
	}

	private String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
	}

	/** Stops the server (fast shutdown: open connections are ended) and removes its folder. */
	@Override
	public void close() {
		stopQuietly();
		try {
			Runtime.getRuntime().removeShutdownHook(cleanupAtExit);
		}
		catch (IllegalStateException ex) {
			// the JVM is stopping: the hook runs, or has run, stopQuietly
		}
	}

	private void stopQuietly() {
		try {
			if (Files.exists(data().resolve("postmaster.pid"))) {
				run("pg_ctl", "stop", "--wait", "--timeout=" + TIMEOUT_SECONDS, "--mode=fast", "--pgdata=" + data());
			}
		}
		catch (RuntimeException ex) {
			System.err.println("Stopping the private PostgreSQL in " + directory + " failed: " + ex.getMessage());
		}
		finally {
			FileSystemUtils.deleteRecursively(directory.toFile());
		}
	}

	private Path data() {
		return directory.resolve("data");
	}

	/** Runs one of the cluster's programs, as the postgres user when the tests run as root. */
	private void run(String program, String... arguments) {
		List<String> command = new ArrayList<>();
		if (asRoot()) {
			command.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		command.add(bin.resolve(program).toString());
		command.addAll(List.of(arguments));
		Path output = directory.resolve(program + ".out");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(TIMEOUT_SECONDS + 10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(program + " did not end within " + TIMEOUT_SECONDS + " s");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
						+ Files.readString(output));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The newest PostgreSQL of Debian's packages ({@code /usr/lib/postgresql/<version>/bin}). */
	private static Path binaries() {
		try (Stream<Path> versions = Files.isDirectory(DEBIAN_VERSIONS) ? Files.list(DEBIAN_VERSIONS) : Stream.empty()) {
			Optional<Path> newest = versions.filter(version -> Files.isExecutable(version.resolve("bin/initdb")))
				.max(Comparator.comparingInt(PostgresServer::major));
			return newest.map(version -> version.resolve("bin")).orElse(DEBIAN_VERSIONS.resolve("<version>/bin"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static int major(Path version) {
		try {
			return Integer.parseInt(version.getFileName().toString());
		}
		catch (NumberFormatException ex) {
			return -1;
		}
	}

	/**
	 * A folder under target/ that the postgres user owns and only it may enter (initdb wants 0700); under the system's
	 * temporary folder instead when the postgres user could not reach target/ (a checkout inside a folder only root
	 * may enter, such as /root).
	 */
	private static Path createDirectory() {
		try {
			Path target = Files.createDirectories(Path.of("target").toAbsolutePath());
			Path parent = (asRoot() && !enterableByAll(target)) ? Path.of(System.getProperty("java.io.tmpdir")) : target;
			Path directory = Files.createTempDirectory(parent, "postgres-");
			if (asRoot()) {
				UserPrincipalLookupService users = directory.getFileSystem().getUserPrincipalLookupService();
				Files.setOwner(directory, users.lookupPrincipalByName("postgres"));
				Files.getFileAttributeView(directory, PosixFileAttributeView.class)
					.setGroup(users.lookupPrincipalByGroupName("postgres"));
			}
			Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean enterableByAll(Path directory) throws IOException {
		for (Path folder = directory; folder != null; folder = folder.getParent()) {
			if (!Files.getPosixFilePermissions(folder).contains(PosixFilePermission.OTHERS_EXECUTE)) {
				return false;
			}
		}
		return true;
	}

	private static boolean asRoot() {
		return "root".equals(System.getProperty("user.name"));
	}

}
