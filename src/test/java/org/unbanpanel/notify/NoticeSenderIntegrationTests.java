package org.unbanpanel.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Messages;
import org.unbanpanel.testsupport.TestDatabase;
import org.unbanpanel.testsupport.WebhookReceiver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Each destination's notices go out on their own: a webhook that takes the request and never answers holds only its
 * own notices until its read timeout, while another webhook gets each notice within a poll or two. Real HTTP receivers
 * and the sender as the panel runs it ({@code start()}), over the application's database schema.
 */
class NoticeSenderIntegrationTests {

	/** Far longer than the promptness asked of the webhook that answers, so that only a sender apart can meet it. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	/** Two polls of the sender and the time to post a notice. */
	private static final Duration PROMPTLY = NoticeSender.INTERVAL.multipliedBy(2).plusSeconds(2);

	private final WebhookReceiver hanging = WebhookReceiver.hanging();

	private final WebhookReceiver answering = WebhookReceiver.answering();

	private final TestDatabase database = new TestDatabase();

	private final NoticeRepository repository = new NoticeRepository(database.jdbc());

	/** The hanging webhook first: it gets the lower ids, as a notice's first destination does. */
	private final NotifyProperties properties = new NotifyProperties(
			List.of(new NotifyProperties.Webhook(URI.create(hanging.url()), ""),
					new NotifyProperties.Webhook(URI.create(answering.url()), "")),
			new NotifyProperties.Mail(List.of(), "unban-panel@localhost"), 6, Duration.ofSeconds(10),
			Duration.ofMinutes(10), Duration.ofSeconds(2), READ_TIMEOUT, Duration.ofMinutes(5));

	private final StaticListableBeanFactory noMail = new StaticListableBeanFactory();

	private final Notices notices = new Notices(repository, properties, Messages.source(),
			noMail.getBeanProvider(JavaMailSender.class), database.transactions(), Clock.systemUTC());

	private final NoticeSender sender = new NoticeSender(repository,
			new Delivery(properties, noMail.getBeanProvider(JavaMailSender.class), Messages.source()), properties,
			Clock.systemUTC());

	@AfterEach
	void stop() {
		sender.close();
		hanging.close();
		answering.close();
	}

	@Test
	void aWebhookThatNeverAnswersDelaysNoOtherWebhooksNotices() throws Exception {
		sender.start();

		notices.add("fail2ban-answers-again", NoticeTriggers.values("since", "2026-12-01T21:30:00Z", "minutes", 10L));
		assertThat(answering.next(PROMPTLY)).as("the first notice, while the other webhook holds its copy").isNotNull();
		notices.add("job-failed", NoticeTriggers.values("jobId", 12L, "failedValues", 1, "error",
				"fail2ban is not running", "submittedBy", "alice"));
		WebhookReceiver.Request second = answering.next(PROMPTLY);

		assertThat(second).as("the second notice, while the other webhook still holds the first").isNotNull();
		assertThat(new String(second.body())).contains("\"kind\":\"job-failed\"");
		assertThat(hanging.received()).as("one attempt in flight to the webhook that hangs, not one per notice")
			.isEqualTo(1);
		Await.until("both notices to be marked sent to the webhook that answers", PROMPTLY,
				() -> to(answering).stream().allMatch(notice -> notice.state() == NoticeState.SENT));
		assertThat(to(hanging)).extracting(Notice::state, Notice::attempts)
			.as("the attempt in flight is not over, the next one waits for it")
			.containsOnly(tuple(NoticeState.PENDING, 0));
	}

	private List<Notice> to(WebhookReceiver receiver) {
		return repository.latest(10).stream().filter(notice -> notice.destination().equals(receiver.url())).toList();
	}

}
