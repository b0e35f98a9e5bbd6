package org.unbanpanel.notify;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A notice to one destination, as stored.
 * @param destination a webhook's URL, or {@code mailto:} and the recipients, comma-separated
 * @param arguments the notice's values, in order: the arguments of its message {@code notice.kind.<kind>}
 * @param body the exact JSON a webhook receives
 */
record Notice(long id, String kind, String destination, List<Object> arguments, String body, Instant createdAt,
		NoticeState state, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {

	static final String MAIL = "mailto:";

	Notice {
		arguments = List.copyOf(arguments);
	}

	public boolean byMail() {
		return destination.startsWith(MAIL);
	}

	/** The destination for the page: a webhook's scheme, host and port only, since its path may hold a token. */
	public String shownDestination() {
		if (byMail()) {
			return destination;
		}
		URI url = URI.create(destination);
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() >= 0) ? ":" + url.getPort() : "") + "/…";
	}

	/** The message's arguments, for Thymeleaf's {@code #messages.msgWithParams}. */
	public Object[] messageArguments() {
		return arguments.toArray();
	}

}
