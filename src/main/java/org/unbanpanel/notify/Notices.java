package org.unbanpanel.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a notice for every destination, in one transaction, for {@link NoticeSender} to send: nothing here waits for
 * a destination. The JSON a webhook receives:
 *
 * <pre>
 * {"id":"8c6e…","kind":"banned-again","at":"2026-12-01T21:40:02.120Z",
 *  "text":"192.0.2.7 was banned again in dovecot 4 min after its release by job 12",
 *  "data":{"address":"192.0.2.7","jail":"dovecot","minutesAfterRelease":4,"jobId":12,…}}
 * </pre>
 *
 * {@code id} is the same for every destination of one notice, so a receiver can tell a repeat; {@code text} is the
 * English message {@code notice.kind.<kind>} over the values of {@code data}, in their order.
 */
@Component
class Notices {

	private final NoticeRepository notices;

	private final NotifyProperties properties;

	private final MessageSource messages;

	private final ObjectProvider<JavaMailSender> mail;

	private final TransactionTemplate transactions;

	private final Clock clock;

	Notices(NoticeRepository notices, NotifyProperties properties, MessageSource messages,
			ObjectProvider<JavaMailSender> mail, PlatformTransactionManager transactionManager, Clock clock) {
		this.notices = notices;
		this.properties = properties;
		this.messages = messages;
		this.mail = mail;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Stores the notice for each destination; none is stored when no destination is configured.
	 * @param kind names the message {@code notice.kind.<kind>}: lower case words joined by '-'
	 * @param data the notice's values (strings and numbers), in the order of the message's arguments
	 */
	void add(String kind, Map<String, Object> data) {
		List<String> destinations = destinations();
		if (destinations.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		String text = messages.getMessage("notice.kind." + kind, data.values().toArray(), Locale.ENGLISH);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", UUID.randomUUID().toString());
		body.put("kind", kind);
		body.put("at", now.toString());
		body.put("text", text);
		body.put("data", data);
		String json = NoticeRepository.json(body);
		String values = NoticeRepository.json(data);
		transactions.executeWithoutResult(status -> destinations
			.forEach(destination -> notices.add(kind, destination, values, json, now)));
	}

	/** Every webhook, then the e-mail recipients when mail is configured. */
	List<String> destinations() {
		List<String> destinations = new ArrayList<>();
		properties.webhooks().forEach(webhook -> destinations.add(webhook.url().toString()));
		if (!properties.mail().to().isEmpty() && mail.getIfAvailable() != null) {
			destinations.add(Notice.MAIL + String.join(",", properties.mail().to()));
		}
		return destinations;
	}

}
