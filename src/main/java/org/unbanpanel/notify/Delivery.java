package org.unbanpanel.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.util.function.SingletonSupplier;

/**
 * Sends one notice to its destination: a JSON POST to a webhook, with its signature when it has a secret, answered
 * with any 2xx; or an e-mail. Each has a connect and a read timeout. Every way it can fail ends in a
 * {@link DeliveryException} that says it in a line.
 */
@Component
class Delivery {

	private final NotifyProperties properties;

	private final ObjectProvider<JavaMailSender> mail;

	private final MessageSource messages;

	/** Made at the first webhook sent: a panel without webhooks loads neither the HTTP client nor TLS. */
	private final Supplier<HttpClient> http;

	Delivery(NotifyProperties properties, ObjectProvider<JavaMailSender> mail, MessageSource messages) {
		this.properties = properties;
		this.mail = mail;
		this.messages = messages;
		this.http = SingletonSupplier.of(() -> HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
	}

	void send(Notice notice) throws DeliveryException {
		if (notice.byMail()) {
			mail(notice);
		}
		else {
			post(notice);
		}
	}

	private void post(Notice notice) throws DeliveryException {
		NotifyProperties.Webhook webhook = webhook(notice.destination())
			.orElseThrow(() -> new DeliveryException("the webhook is no longer configured"));
		byte[] body = notice.body().getBytes(StandardCharsets.UTF_8);
		HttpRequest.Builder request = HttpRequest.newBuilder(webhook.url())
			.timeout(properties.readTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "unban-panel")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (!webhook.secret().isEmpty()) {
			request.header(Signature.HEADER, Signature.of(webhook.secret(), body));
		}
		HttpResponse<Void> response;
		try {
			response = http.get().send(request.build(), HttpResponse.BodyHandlers.discarding());
		}
		catch (HttpTimeoutException ex) {
			throw new DeliveryException("no answer in time: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new DeliveryException("cannot be reached: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DeliveryException("the panel is stopping");
		}
		if (response.statusCode() / 100 != 2) {
			throw new DeliveryException("answered HTTP " + response.statusCode());
		}
	}

	private void mail(Notice notice) throws DeliveryException {
		JavaMailSender sender = mail.getIfAvailable();
		if (sender == null) {
			throw new DeliveryException("mail is no longer configured (spring.mail.host)");
		}
		withTimeouts(sender);
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.mail().from());
		message.setTo(notice.destination().substring(Notice.MAIL.length()).split(","));
		String text = messages.getMessage("notice.kind." + notice.kind(), notice.messageArguments(), Locale.ENGLISH);
		message.setSubject("Unban Panel: " + text);
		message.setText(text + "\n\n" + notice.body() + "\n");
		try {
			sender.send(message);
		}
		catch (MailException ex) {
			throw new DeliveryException("the mail server refused or cannot be reached: " + ex.getMessage());
		}
	}

	/**
	 * JavaMail waits for an SMTP server for ever unless told otherwise: the connect and read timeouts of the webhooks
	 * apply, unless {@code spring.mail.properties} sets them.
	 */
	private void withTimeouts(JavaMailSender sender) {
		if (sender instanceof JavaMailSenderImpl configurable) {
			Properties settings = configurable.getJavaMailProperties();
			for (String protocol : List.of("smtp", "smtps")) {
				settings.putIfAbsent("mail." + protocol + ".connectiontimeout", "" + properties.connectTimeout().toMillis());
				settings.putIfAbsent("mail." + protocol + ".timeout", "" + properties.readTimeout().toMillis());
				settings.putIfAbsent("mail." + protocol + ".writetimeout", "" + properties.readTimeout().toMillis());
			}
		}
	}

	private Optional<NotifyProperties.Webhook> webhook(String url) {
		return properties.webhooks().stream().filter(webhook -> webhook.url().toString().equals(url)).findFirst();
	}

	/** Why a notice did not reach its destination, in a line. */
	static final class DeliveryException extends Exception {

		DeliveryException(String message) {
			super(message);
		}

	}

}
