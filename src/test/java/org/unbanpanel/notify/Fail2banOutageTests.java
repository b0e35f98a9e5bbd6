package org.unbanpanel.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.fail2ban.Fail2banHealth;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.testsupport.AskedHosts;
import org.unbanpanel.testsupport.Messages;
import org.unbanpanel.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * When the outage check tells, with each host's answers given (the real fail2ban is in NoticeDeliveryIntegrationTests,
 * a real sshd host in HostOutageIntegrationTests): once per outage after the threshold, again when the host answers,
 * each host on its own.
 */
class Fail2banOutageTests {

	private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

	private static final HostName MAIL = HostName.parse("mail");

	private static final Explanation HUNG = Explanation.of("fail2ban.hung", "timed out after 10 s");

	private final Fail2banHealth health = mock(Fail2banHealth.class);

	private final Hosts hosts = mock(Hosts.class);

	private final Notices notices = mock(Notices.class);

	private final MutableClock clock = new MutableClock(START);

	private final List<String> told = new ArrayList<>();

	private final Fail2banOutage outage = new Fail2banOutage(health, hosts, mock(Fail2bans.class), notices,
			new NotifyProperties(List.of(), new NotifyProperties.Mail(List.of(), "panel@localhost"), 6,
					Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofSeconds(10),
					Duration.ofMinutes(5)),
			Messages.source(), clock);

	@BeforeEach
	void thisMachineAnswersOneDestinationAndEveryNoticeRecorded() {
		given(health.notAnsweringFor()).willReturn(null);
		given(notices.destinations()).willReturn(List.of("https://chat.example.org/hook"));
		willAnswer(call -> told.add(call.getArgument(0) + " " + call.getArgument(1))).given(notices)
			.add(anyString(), anyMap());
	}

	@Test
	void tellsOnceThatAnotherHostCannotBeAskedAfterTheThresholdAndOnceThatItAnswersAgain() {
		mailAnswers(HUNG);
		outage.check();
		clock.advance(Duration.ofMinutes(4));
		outage.check();
		assertThat(told).as("not yet 5 min").isEmpty();

		clock.advance(Duration.ofMinutes(1));
		outage.check();
		clock.advance(Duration.ofMinutes(1));
		outage.check();
		assertThat(told).singleElement()
			.asString()
			.isEqualTo("fail2ban-unreachable-on-host {since=2026-12-03T10:00:00Z, minutes=5, reason=fail2ban is not"
					+ " answering (the server may be hung): timed out after 10 s, host=mail}");

		mailAnswers(null);
		outage.check();
		assertThat(told).hasSize(2)
			.last()
			.isEqualTo("fail2ban-answers-again-on-host {since=2026-12-03T10:00:00Z, minutes=6, host=mail}");
	}

	@Test
	void tellsOfThisMachineUnderItsOwnKindWhileTheOtherHostsAnswer() {
		given(health.problem()).willReturn(HUNG);
		mailAnswers(null);
		outage.check();
		clock.advance(Duration.ofMinutes(5));

		outage.check();

		assertThat(told).singleElement().asString().startsWith("fail2ban-unreachable {").endsWith(", host=local}");
	}

	@Test
	void asksTheOtherHostsOnlyThisMachinesHealthBeingReadHere() {
		mailAnswers(null);

		outage.check();

		ArgumentCaptor<Predicate<Host>> which = ArgumentCaptor.captor();
		verify(hosts).ask(which.capture(), any());
		assertThat(which.getValue()).rejects(AskedHosts.host(HostName.LOCAL)).accepts(AskedHosts.host(MAIL));
	}

	@Test
	void asksNothingWhileNoDestinationIsConfigured() {
		given(notices.destinations()).willReturn(List.of());
		mailAnswers(HUNG);
		outage.check();
		clock.advance(Duration.ofHours(1));

		outage.check();

		assertThat(told).isEmpty();
		verifyNoInteractions(hosts, health);
	}

	/** The other hosts' answers: mail's, answering or with this problem. */
	private void mailAnswers(Explanation problem) {
		given(hosts.ask(any(), any())).willReturn(List.of(new HostAnswer<>(MAIL, null, problem)));
	}

}
