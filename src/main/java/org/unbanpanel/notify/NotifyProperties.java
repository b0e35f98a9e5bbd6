package org.unbanpanel.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where notices go and how they are sent.
 *
 * @param webhooks the URLs that receive every notice as a JSON POST (default none)
 * @param mail who receives every notice by e-mail, through Spring's mail support ({@code spring.mail.host} and the
 * other {@code spring.mail.*} settings); without {@code spring.mail.host} or without {@code to}, no e-mail
 * @param attempts how often a notice is tried at most before it is marked failed (default 6)
 * @param retryInitial the wait after the first failed attempt, doubled after each further one (default 10 s; with the
 * default attempts a notice is tried for about 5 min)
 * @param retryMax the longest wait between two attempts (default 10 min)
 * @param connectTimeout how long a webhook's connection may take (default 5 s)
 * @param readTimeout how long a webhook may take to answer once connected (default 10 s)
 * @param unreachableAfter how long fail2ban must have been unreachable, or silent, before a notice says so
 * (default 5 min); it is checked every tenth of this, at most every 30 s
 */
@ConfigurationProperties("panel.notify")
record NotifyProperties(@DefaultValue List<Webhook> webhooks, @DefaultValue Mail mail, @DefaultValue("6") int attempts,
		@DefaultValue("10s") Duration retryInitial, @DefaultValue("10m") Duration retryMax,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		@DefaultValue("5m") Duration unreachableAfter) {

	NotifyProperties {
		webhooks = List.copyOf(webhooks);
		if (attempts < 1) {
			throw new IllegalArgumentException("panel.notify.attempts must be at least 1");
		}
		if (!positive(retryInitial) || !positive(retryMax) || !positive(connectTimeout) || !positive(readTimeout)
				|| !positive(unreachableAfter)) {
			throw new IllegalArgumentException(
					"panel.notify.retry-initial, retry-max, connect-timeout, read-timeout and unreachable-after must be longer than 0 s");
		}
	}

	/**
	 * One webhook.
	 * @param url where the JSON is posted: {@code http} or {@code https}
	 * @param secret the key of the HMAC-SHA256 signature in the header {@code X-Unban-Panel-Signature}; without one the
	 * body goes unsigned
	 */
	record Webhook(URI url, @DefaultValue("") String secret) {

		Webhook {
			if (url == null || !List.of("http", "https").contains(String.valueOf(url.getScheme()))
					|| url.getHost() == null) {
				throw new IllegalArgumentException("panel.notify.webhooks[].url must be an http or https URL: " + url);
			}
		}

	}

	/**
	 * E-mail.
	 * @param to the recipients (default none: no e-mail)
	 * @param from the sender (default {@code unban-panel@localhost})
	 */
	record Mail(@DefaultValue List<String> to, @DefaultValue("unban-panel@localhost") String from) {

		Mail {
			to = List.copyOf(to);
		}

	}

	/** The wait after the given number of failed attempts: the first wait doubled each time, at most the longest. */
	Duration delayAfter(int failedAttempts) {
		Duration delay = retryInitial.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
		return (delay.compareTo(retryMax) < 0) ? delay : retryMax;
	}

	/**
	 * How long a panel holds a notice it claimed for an attempt before another may try it: twice the longest a webhook
	 * attempt takes (connect and read), so that one still in flight is never sent again alongside.
	 */
	Duration attemptHold() {
		return connectTimeout.plus(readTimeout).multipliedBy(2);
	}

	private static boolean positive(Duration duration) {
		return !duration.isNegative() && !duration.isZero();
	}

}
