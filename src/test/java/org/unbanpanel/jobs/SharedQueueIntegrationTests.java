package org.unbanpanel.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.FreePort;
import org.unbanpanel.testsupport.PanelApi;
import org.unbanpanel.testsupport.PanelProcess;
import org.unbanpanel.testsupport.PostgresServer;
import org.unbanpanel.testsupport.TestPanel;
import org.unbanpanel.testsupport.WithPostgres;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14's queue several panels share: two panels, each in a JVM of its own, on one PostgreSQL and one private
 * fail2ban-server. 50 clients post 1,000 one-address jobs through the JSON API, half of them to each panel; once half
 * the jobs are accepted, and while panel A holds a batch (its unbans take a second longer, so that it holds one most
 * of the time), A is killed with SIGKILL. Its clients turn to panel B, as behind a load balancer. Every job ends done,
 * every address is reported released exactly once, and the jobs A had taken up finish on B once their lease ran out.
 */
@WithRealTools(fail2ban = WithRealTools.Fail2banSetUp.SILENT_ACTIONS)
@WithPostgres
class SharedQueueIntegrationTests {

	private static final int CLIENTS = 50;

	private static final int JOBS = 1_000;

	private static final Duration LEASE = Duration.ofSeconds(5);

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final String USER = "client";

	private final Fail2banServer server;

	private final PostgresServer postgres;

	private final Path directory = Path.of("target", "test-data", UUID.randomUUID().toString()).toAbsolutePath();

	private final List<PanelProcess> panels = new ArrayList<>();

	SharedQueueIntegrationTests(Fail2banServer server, PostgresServer postgres) {
		this.server = server;
		this.postgres = postgres;
	}

	@AfterEach
	void stopPanels() throws InterruptedException {
		for (PanelProcess panel : panels) {
			panel.close();
		}
		server.unbanAll();
	}

	@Test
	void twoPanelsOnOneDatabaseFinishEveryJobOnceAndTakeOverTheJobsOfOneKilledHalfway() throws Exception {
		List<String> addresses = banned();
		String database = postgres.newDatabase();
		JdbcClient jdbc = JdbcClient.create(PostgresServer.dataSource(database));
		int portA = FreePort.next();
		int portB = FreePort.next();
		CompletableFuture<PanelProcess> startingA = CompletableFuture
			.supplyAsync(() -> start("panel-a", portA, List.of(slowUnbans().toString()), database));
		PanelProcess panelB = start("panel-b", portB, server.command(), database);
		PanelProcess panelA = startingA.join();
		PanelApi apiA = PanelApi.on(portA, USER, TestPanel.PASSWORD);
		PanelApi apiB = PanelApi.on(portB, USER, TestPanel.PASSWORD);
		long start = System.nanoTime();

		Set<Long> accepted = ConcurrentHashMap.newKeySet();
		AtomicBoolean aKilled = new AtomicBoolean();
		ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
		List<Future<?>> posting = new ArrayList<>();
		for (int client = 0; client < CLIENTS; client++) {
			List<String> mine = addresses.subList(client * (JOBS / CLIENTS), (client + 1) * (JOBS / CLIENTS));
			boolean toA = client % 2 == 0;
			posting.add(clients.submit(() -> postEach(mine, toA ? apiA : apiB, apiB, accepted, aKilled)));
		}
		Await.until("half the jobs to be accepted and panel A to hold a batch", PATIENCE,
				() -> accepted.size() >= JOBS / 2 && !runningOn(jdbc, "panel-a").isEmpty());
		int exitStatus = panelA.kill();
		aKilled.set(true);
		long killed = System.nanoTime();
		Map<Long, Instant> claimedByA = runningOn(jdbc, "panel-a");
		for (Future<?> client : posting) {
			client.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		clients.shutdown();
		Await.until("every job to end", PATIENCE,
				() -> jdbc.sql("SELECT COUNT(*) FROM unblock_job WHERE finished_at IS NULL").query(Integer.class).single() == 0);
		System.out.printf("%nSHARED QUEUE %d jobs from %d clients on two panels: panel A killed %d ms after the first post "
				+ "holding %d job(s), all done %d ms after the first post; attempts by panel: %s; jobs ended by: %s%n",
				JOBS, CLIENTS, (killed - start) / 1_000_000, claimedByA.size(), (System.nanoTime() - start) / 1_000_000,
				countBy(jdbc, "SELECT taken_by, COUNT(*) FROM unblock_job_attempt GROUP BY taken_by"),
				countBy(jdbc, "SELECT lease_owner, COUNT(*) FROM unblock_job GROUP BY lease_owner"));

		assertThat(exitStatus).as("killed by SIGKILL (128 + 9)").isEqualTo(137);
		assertThat(accepted).hasSize(JOBS);
		assertThat(jdbc.sql("SELECT id FROM unblock_job").query(Long.class).set()).as("none lost").containsAll(accepted);
		assertThat(jdbc.sql("SELECT state, COUNT(*) FROM unblock_job GROUP BY state")
			.query((row, number) -> row.getString(1))
			.list()).containsExactly("DONE");
		assertThat(releasesByAddress(jdbc)).as("every address reported released once")
			.hasSize(JOBS)
			.containsOnlyKeys(addresses)
			.allSatisfy((address, releases) -> assertThat(releases).isEqualTo(1));
		assertThat(Fail2banServer.JAILS).allSatisfy(jail -> assertThat(server.bannedIn(jail)).isEmpty());

		assertThat(claimedByA).as("the jobs panel A held when it was killed").isNotEmpty();
		claimedByA.forEach((id, leaseEnd) -> {
			Map<String, Object> job = jdbc.sql("SELECT lease_owner, finished_at FROM unblock_job WHERE id = :id")
				.param("id", id)
				.query()
				.singleRow();
			assertThat(job.get("lease_owner")).as("job %d taken over", id).isEqualTo("panel-b");
			assertThat(instant(job.get("finished_at"))).as("job %d finished after A's lease ran out", id)
				.isAfterOrEqualTo(leaseEnd);
			assertThat(jdbc.sql("SELECT taken_by FROM unblock_job_attempt WHERE job_id = :id ORDER BY attempt")
				.param("id", id)
				.query(String.class)
				.list()).as("job %d's attempts", id).endsWith("panel-a", "panel-b");
		});
		panelB.close();
	}

	/** Posts one job per address, to the client's panel until it is gone, then to panel B; until each is accepted. */
	private static void postEach(List<String> addresses, PanelApi first, PanelApi survivor, Set<Long> accepted,
			AtomicBoolean firstGone) {
		PanelApi api = first;
		for (String address : addresses) {
			Long id = null;
			while (id == null) {
				try {
					id = accepted(api.post("/api/v1/unblock", "{\"ips\": [\"" + address + "\"]}"));
				}
				catch (UncheckedIOException ex) {
					if (!firstGone.get() && api == first && first != survivor) {
						sleep();
						continue;
					}
					api = survivor;
				}
			}
			accepted.add(id);
		}
	}

	private static Long accepted(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
		String location = answer.headers().firstValue("Location").orElseThrow();
		return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
	}

	/** The running jobs this panel holds, with when their lease runs out. */
	private static Map<Long, Instant> runningOn(JdbcClient jdbc, String owner) {
		Map<Long, Instant> running = new HashMap<>();
		jdbc.sql("SELECT id, lease_expires_at FROM unblock_job WHERE state = 'RUNNING' AND lease_owner = :owner")
			.param("owner", owner)
			.query((row, number) -> running.put(row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant()))
			.list();
		return running;
	}

	private static Map<String, Integer> countBy(JdbcClient jdbc, String query) {
		return jdbc.sql(query)
			.query((row, number) -> Map.entry(String.valueOf(row.getString(1)), row.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** How many releases the jobs' results report for each address. */
	private static Map<String, Integer> releasesByAddress(JdbcClient jdbc) {
		return countBy(jdbc, """
				SELECT b.entry, COUNT(*) FROM item_ban b JOIN unblock_item i ON i.id = b.item_id
				WHERE b.outcome = 'RELEASED' GROUP BY b.entry""");
	}

	private PanelProcess start(String owner, int port, List<String> fail2banCommand, String database) {
		List<String> settings = new ArrayList<>(PostgresServer.panelSettings(database));
		settings.addAll(List.of("--server.port=" + port, "--panel.jobs.lease.owner=" + owner,
				"--panel.jobs.lease.duration=" + LEASE.toSeconds() + "s", "--panel.jobs.lease.renew-every=1s",
				"--panel.jobs.lease.poll-every=1s", "--panel.commands.timeout=30s",
				// 50 clients of one name at once: the sign-in throttle would refuse all but a few of them
				"--panel.security.throttle.max-failures=1000"));
		settings.addAll(TestPanel.userArguments(USER, "ADMIN"));
		PanelProcess panel = PanelProcess.start(fail2banCommand, directory.resolve(owner),
				settings.toArray(String[]::new));
		synchronized (panels) {
			panels.add(panel);
		}
		return panel;
	}

	/** 1,000 addresses banned in the six jails, 100 at a time. */
	private List<String> banned() {
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < JOBS; i++) {
			addresses.add("198.19." + (i / 250) + "." + (i % 250 + 1));
		}
		for (int i = 0; i < JOBS; i += 100) {
			server.ban(Fail2banServer.JAILS.get(i / 100 % Fail2banServer.JAILS.size()),
					addresses.subList(i, i + 100).toArray(String[]::new));
		}
		return addresses;
	}

	/** The real fail2ban-client, whose unbans start a second late. */
	private Path slowUnbans() {
		try {
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return server.clientRunningFirst(directory.resolve("fail2ban-client"), """
				case " $* " in
				*" unban "*|*" unbanip "*) sleep 1 ;;
				esac
				""");
	}

	private static Instant instant(Object timestamp) {
		return (timestamp instanceof OffsetDateTime offset) ? offset.toInstant()
				: ((java.sql.Timestamp) timestamp).toInstant();
	}

	private static void sleep() {
		try {
			Thread.sleep(100);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
