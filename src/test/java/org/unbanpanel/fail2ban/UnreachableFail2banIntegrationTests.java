package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.testsupport.Fail2banServer;
import org.unbanpanel.testsupport.WithRealTools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A fail2ban that is down, crashed, hung or not installed: each gives its own readable error within the timeout. The
 * server is started once; a test that takes it down has it started again afterwards.
 */
@WithRealTools
class UnreachableFail2banIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private static Fail2banServer server;

	private static CommandFail2ban fail2ban;

	@BeforeAll
	static void connect(Fail2banServer started) {
		server = started;
		fail2ban = new CommandFail2ban(CommandRunners.real(TIMEOUT), new Fail2banProperties(server.command()));
	}

	@AfterEach
	void bringServerBack() {
		server.ensureRunning();
	}

	@Test
	void reportsAStoppedServerAsNotRunning() {
		server.stop();

		assertThatThrownBy(fail2ban::jails).isInstanceOfSatisfying(Fail2banException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.UNREACHABLE);
			assertThat(ex.getMessage()).isEqualTo("fail2ban is not running (no socket at " + server.socket() + ")");
		});
	}

	@Test
	void reportsACrashedServerThatLeftItsSocketAsNotRunning() {
		server.crash();

		assertThatThrownBy(fail2ban::version).isInstanceOfSatisfying(Fail2banException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.UNREACHABLE);
			assertThat(ex.getMessage())
				.isEqualTo("fail2ban is not running (its socket is left but nothing answers: Connection refused)");
		});
	}

	@Test
	void stopsWaitingForAHungServerAtTheTimeoutAndLeavesNoClientBehind() {
		server.ban("sshd", "203.0.113.60");
		server.pause();
		long started = System.nanoTime();

		assertThatThrownBy(() -> fail2ban.whereBanned(List.of(BanTarget.parse("203.0.113.60"))))
			.isInstanceOfSatisfying(Fail2banException.class, ex -> {
				assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.UNREACHABLE);
				assertThat(ex.getMessage()).isEqualTo("fail2ban is not answering (the server may be hung): "
						+ "fail2ban-client did not answer within 2000 ms and was stopped");
			});

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
		assertThat(server.clientProcesses()).isEmpty();
		server.resume();
		assertThat(server.bannedIn("sshd")).containsExactly("203.0.113.60");
	}

	@Test
	void reportsAMissingClientAsNotRunnable() {
		CommandFail2ban missing = new CommandFail2ban(CommandRunners.real(TIMEOUT),
				new Fail2banProperties(List.of("/nonexistent/fail2ban-client")));

		assertThatThrownBy(missing::version).isInstanceOfSatisfying(Fail2banException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(Fail2banException.Reason.NOT_RUNNABLE);
			assertThat(ex.getMessage())
				.isEqualTo("cannot run /nonexistent/fail2ban-client: no such executable program");
		});
	}

}
