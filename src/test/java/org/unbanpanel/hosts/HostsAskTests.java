package org.unbanpanel.hosts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandException;
import org.unbanpanel.testsupport.FreePort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Hosts#ask}: every host answers in the order of the settings, the remote ones side by side; one that fails
 * answers with why, one that takes longer than the command timeout is given up on at the timeout, and neither holds
 * up the others. The remote hosts here are never connected to: the questions do not run commands.
 */
class HostsAskTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private final Hosts hosts = TestFleet.hosts(settings("mail", "backup", "web"));

	@AfterEach
	void closeHosts() throws Exception {
		hosts.destroy();
	}

	@Test
	void asksTheRemoteHostsSideBySideAndAnswersInTheOrderOfTheSettings() {
		long started = System.nanoTime();

		List<HostAnswer<String>> answers = hosts.ask(host -> {
			sleep(host.isLocal() ? Duration.ZERO : Duration.ofMillis(600));
			return "answer of " + host;
		});

		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("three hosts of 600 ms each, side by side")
			.isLessThan(Duration.ofMillis(1_500));
		assertThat(answers).extracting(answer -> answer.host().value()).containsExactly("local", "mail", "backup", "web");
		assertThat(answers).extracting(HostAnswer::value)
			.containsExactly("answer of local", "answer of mail", "answer of backup", "answer of web");
		assertThat(answers).allSatisfy(answer -> assertThat(answer.answered()).isTrue());
	}

	@Test
	void aHostThatFailsOrTakesLongerThanTheCommandTimeoutAnswersWithWhyWhileTheOthersAnswer() {
		Explanation refused = Explanation.of("hosts.problem.unreachable", "mail (192.0.2.25:22)",
				Explanation.of("hosts.reason.refused"));
		long started = System.nanoTime();

		List<HostAnswer<String>> answers = hosts.ask(host -> switch (host.name().value()) {
			case "mail" -> throw new CommandException(CommandException.Reason.UNREACHABLE, refused);
			case "backup" -> {
				sleep(Duration.ofSeconds(30));
				yield "too late";
			}
			default -> "answer of " + host;
		});

		assertThat(Duration.ofNanos(System.nanoTime() - started)).as("given up on at the command timeout")
			.isLessThan(TIMEOUT.plusSeconds(2));
		assertThat(answers.get(0).value()).isEqualTo("answer of local");
		assertThat(answers.get(1).problem()).isEqualTo(refused);
		assertThat(answers.get(2).value()).isNull();
		assertThat(answers.get(2).problem()).isEqualTo(Explanation.of("hosts.noAnswer", "backup", TIMEOUT.toMillis()));
		assertThat(answers.get(3).value()).isEqualTo("answer of web");
	}

	@Test
	void asksOnlyThePickedHostsInTheOrderOfTheSettings() {
		List<String> asked = new CopyOnWriteArrayList<>();

		List<HostAnswer<String>> answers = hosts.ask(host -> !host.name().value().equals("backup"), host -> {
			asked.add(host.name().value());
			return "answer of " + host;
		});

		assertThat(answers).extracting(answer -> answer.host().value()).containsExactly("local", "mail", "web");
		assertThat(asked).containsExactlyInAnyOrder("local", "mail", "web");
	}

	@Test
	void aHostQueuedBehindEveryBusyThreadHasItsWholeTimeFromWhenItsTurnCame() throws Exception {
		Hosts fleet = TestFleet.hosts(settings(names(Hosts.MAX_ASKED_AT_ONCE + 1)));
		try {
			List<HostAnswer<String>> answers = fleet.ask(host -> {
				sleep(host.isLocal() ? Duration.ZERO : TIMEOUT.multipliedBy(7).dividedBy(10));
				return "answer of " + host;
			});

			assertThat(answers).as("the last host starts after 700 ms and answers 700 ms later, within its own second")
				.allSatisfy(answer -> assertThat(answer.problem()).isNull());
		}
		finally {
			fleet.destroy();
		}
	}

	@Test
	void aHostThatGetsNoTurnWhileHostsThatHangHoldEveryThreadSaysSo() throws Exception {
		CountDownLatch release = new CountDownLatch(1);
		String last = "host-" + Hosts.MAX_ASKED_AT_ONCE;
		Hosts fleet = TestFleet.hosts(settings(names(Hosts.MAX_ASKED_AT_ONCE + 1)));
		try {
			List<HostAnswer<String>> answers = fleet.ask(host -> {
				if (!host.isLocal() && !host.name().value().equals(last)) {
					awaitUninterruptibly(release);
				}
				return "answer of " + host;
			});

			assertThat(answers.get(answers.size() - 1).problem()).isEqualTo(Explanation.of("hosts.noTurn", last));
			assertThat(answers.get(1).problem()).isEqualTo(Explanation.of("hosts.noAnswer", "host-0", TIMEOUT.toMillis()));
		}
		finally {
			release.countDown();
			fleet.destroy();
		}
	}

	@Test
	void aHostWhoseQuestionFailsOtherwiseAnswersThatItFailedWhileTheOthersAnswer() {
		List<HostAnswer<String>> answers = hosts.ask(host -> switch (host.name().value()) {
			case "local", "backup" -> throw new IllegalArgumentException("a fault of the question's");
			default -> "answer of " + host;
		});

		assertThat(answers).extracting(HostAnswer::problem)
			.containsExactly(Explanation.of("hosts.failed", "local"), null, Explanation.of("hosts.failed", "backup"), null);
		assertThat(answers.get(1).value()).isEqualTo("answer of mail");
	}

	@Test
	void anInterruptedCallerCancelsTheQuestionsNotYetAnswered() throws Exception {
		AtomicInteger running = new AtomicInteger();
		Thread caller = new Thread(() -> hosts.ask(host -> {
			if (host.isLocal()) {
				Thread.currentThread().interrupt();
				return "answer of local";
			}
			return sleptUntilStopped(running);
		}));
		caller.start();
		caller.join(TIMEOUT.toMillis() / 2);

		assertThat(caller.isAlive()).as("the caller does not wait for the hosts").isFalse();
		Thread.sleep(300);
		assertThat(running).as("no remote question goes on").hasValue(0);
	}

	@Test
	void anErrorOnTheCallersThreadCancelsTheQuestionsNotYetAnswered() throws Exception {
		AtomicInteger running = new AtomicInteger();

		assertThatThrownBy(() -> hosts.ask(host -> {
			if (host.isLocal()) {
				throw new StackOverflowError();
			}
			return sleptUntilStopped(running);
		})).isInstanceOf(StackOverflowError.class);

		Thread.sleep(300);
		assertThat(running).as("no remote question goes on").hasValue(0);
	}

	/** Sleeps 30 s unless interrupted, counted in {@code running} meanwhile. */
	private static String sleptUntilStopped(AtomicInteger running) {
		running.incrementAndGet();
		try {
			Thread.sleep(Duration.ofSeconds(30).toMillis());
		}
		catch (InterruptedException ex) {
			// cancelled
		}
		finally {
			running.decrementAndGet();
		}
		return "too late";
	}

	private static Map<String, Object> settings(String... names) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("panel.data-dir", Path.of("target", "fleet-" + UUID.randomUUID()).toAbsolutePath().toString());
		settings.put("panel.commands.timeout", TIMEOUT.toMillis() + "ms");
		String hostKey = PanelKey.loadOrCreate(Path.of("target", "keys-" + UUID.randomUUID(), "id_ed25519")).publicKey();
		for (int i = 0; i < names.length; i++) {
			String prefix = "panel.hosts[" + i + "].";
			settings.put(prefix + "name", names[i]);
			settings.put(prefix + "address", "127.0.0.1");
			settings.put(prefix + "port", Integer.toString(FreePort.next()));
			settings.put(prefix + "user", "unban-panel");
			settings.put(prefix + "host-key", hostKey);
		}
		return settings;
	}

	private static String[] names(int count) {
		return IntStream.range(0, count).mapToObj(TestFleet::name).toArray(String[]::new);
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		boolean interrupted = false;
		while (latch.getCount() > 0) {
			try {
				latch.await();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
