package org.unbanpanel.notify;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.mail.javamail.JavaMailSender;
import org.unbanpanel.testsupport.Await;
import org.unbanpanel.testsupport.Messages;
import org.unbanpanel.testsupport.PostgresServer;
import org.unbanpanel.testsupport.WebhookReceiver;
import org.unbanpanel.testsupport.WithPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two panels on one real PostgreSQL send each notice once: both senders see the same notices due at the same moments,
 * and only the one that claimed a notice posts it.
 */
@WithPostgres
class NoticesSharedByPanelsIntegrationTests {

	private static final int NOTICES = 40;

	private final WebhookReceiver webhook = WebhookReceiver.answering();

	private final NotifyProperties properties = new NotifyProperties(
			List.of(new NotifyProperties.Webhook(URI.create(webhook.url()), "")),
			new NotifyProperties.Mail(List.of(), "unban-panel@localhost"), 6, Duration.ofSeconds(10),
			Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofMinutes(5));

	private final StaticListableBeanFactory noMail = new StaticListableBeanFactory();

	private final List<NoticeSender> panels = new ArrayList<>();

	private final DataSource database;

	NoticesSharedByPanelsIntegrationTests(PostgresServer postgres) {
		this.database = PostgresServer.dataSource(postgres.newDatabase());
		Flyway.configure().dataSource(database).load().migrate();
	}

	@AfterEach
	void stop() {
		panels.forEach(NoticeSender::close);
		webhook.close();
	}

	@Test
	void twoPanelsOnOneDatabaseSendEachNoticeOnce() throws Exception {
		Notices notices = new Notices(repository(), properties, Messages.source(),
				noMail.getBeanProvider(JavaMailSender.class), new DataSourceTransactionManager(database),
				Clock.systemUTC());
		for (int i = 0; i < NOTICES; i++) {
			notices.add("job-failed", NoticeTriggers.values("jobId", (long) i, "failedValues", 1, "error",
					"fail2ban is not running", "submittedBy", "alice"));
		}
		NoticeSender first = panel();
		NoticeSender second = panel();

		CompletableFuture.allOf(first.sendDue(), second.sendDue(), first.sendDue(), second.sendDue()).join();
		Await.until("every notice to be marked sent", Duration.ofSeconds(30), () -> repository().latest(NOTICES)
			.stream()
			.allMatch(notice -> notice.state() == NoticeState.SENT));

		Set<String> bodies = new HashSet<>();
		for (WebhookReceiver.Request request; (request = webhook.next(Duration.ofMillis(200))) != null;) {
			bodies.add(new String(request.body()));
		}
		assertThat(webhook.received()).as("POSTs for %d notices from two panels", NOTICES).isEqualTo(NOTICES);
		assertThat(bodies).as("a different notice each time").hasSize(NOTICES);
	}

	private NoticeSender panel() {
		NoticeSender sender = new NoticeSender(repository(),
				new Delivery(properties, noMail.getBeanProvider(JavaMailSender.class), Messages.source()), properties,
				Clock.systemUTC());
		panels.add(sender);
		return sender;
	}

	private NoticeRepository repository() {
		return new NoticeRepository(JdbcClient.create(database));
	}

}
