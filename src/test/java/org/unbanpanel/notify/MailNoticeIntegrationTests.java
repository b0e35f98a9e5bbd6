package org.unbanpanel.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.unbanpanel.testsupport.Messages;
import org.unbanpanel.testsupport.MutableClock;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices by e-mail through Spring's mail sender to a real SMTP server (GreenMail) on a free port: stored, then sent by
 * the sender's worker; and retried, then failed, while no SMTP server answers.
 */
class MailNoticeIntegrationTests {

	private final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	private final TestDatabase database = new TestDatabase();

	private final NoticeRepository repository = new NoticeRepository(database.jdbc());

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T21:40:00Z"));

	private final NotifyProperties properties = new NotifyProperties(List.of(),
			new NotifyProperties.Mail(List.of("admins@example.org"), "unban-panel@panel.example.org"), 2,
			Duration.ofSeconds(10), Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(2),
			Duration.ofMinutes(5));

	@AfterEach
	void stopSmtp() {
		smtp.stop();
	}

	@Test
	void mailsANoticeToTheRecipientsWithItsTextAndJson() throws Exception {
		smtp.start();
		Notices notices = notices(smtp.getSmtp().getPort());

		notices.add("job-failed", NoticeTriggers.values("jobId", 12L, "failedValues", 1, "error",
				"fail2ban is not running", "submittedBy", "alice"));
		sender(smtp.getSmtp().getPort()).sendDue().join();

		assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
		MimeMessage mail = smtp.getReceivedMessages()[0];
		assertThat(mail.getSubject())
			.isEqualTo("Unban Panel: Job 12 failed: 1 value could not be released or reset (fail2ban is not running)");
		assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("admins@example.org");
		assertThat(GreenMailUtil.getBody(mail)).contains("\"kind\":\"job-failed\"").contains("\"jobId\":12");
		assertThat(repository.latest(10)).singleElement().satisfies(notice -> {
			assertThat(notice.state()).isEqualTo(NoticeState.SENT);
			assertThat(notice.attempts()).isEqualTo(1);
			assertThat(notice.destination()).isEqualTo("mailto:admins@example.org");
		});
	}

	@Test
	void triesAgainLaterAndThenMarksTheNoticeFailedWhileNoMailServerAnswers() {
		smtp.start();
		int port = smtp.getSmtp().getPort();
		smtp.stop();
		notices(port).add("fail2ban-answers-again", NoticeTriggers.values("since", "2026-12-01T21:30:00Z", "minutes", 10L));
		NoticeSender sender = sender(port);

		sender.sendDue().join();
		Notice first = repository.latest(1).get(0);
		clock.advance(Duration.ofSeconds(10));
		sender.sendDue().join();

		assertThat(first.state()).isEqualTo(NoticeState.PENDING);
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(first.nextAttemptAt()).isEqualTo(clock.instant());
		assertThat(repository.latest(1)).singleElement().satisfies(notice -> {
			assertThat(notice.state()).isEqualTo(NoticeState.FAILED);
			assertThat(notice.attempts()).isEqualTo(2);
			assertThat(notice.lastError()).startsWith("the mail server refused or cannot be reached");
		});
	}

	private Notices notices(int port) {
		return new Notices(repository, properties, Messages.source(), mail(port).getBeanProvider(JavaMailSender.class),
				database.transactions(), clock);
	}

	private NoticeSender sender(int port) {
		return new NoticeSender(repository, new Delivery(properties, mail(port).getBeanProvider(JavaMailSender.class),
				Messages.source()), properties, clock);
	}

	private static StaticListableBeanFactory mail(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		sender.getJavaMailProperties().putAll(Map.of("mail.smtp.connectiontimeout", "2000", "mail.smtp.timeout", "2000"));
		return new StaticListableBeanFactory(Map.of("mailSender", sender));
	}

}
