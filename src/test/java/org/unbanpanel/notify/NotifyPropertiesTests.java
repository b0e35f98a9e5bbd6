package org.unbanpanel.notify;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotifyPropertiesTests {

	private static final NotifyProperties.Mail NO_MAIL = new NotifyProperties.Mail(List.of(), "unban-panel@localhost");

	@Test
	void waitsTwiceAsLongAfterEachFailedAttemptUpToTheLongestWait() {
		NotifyProperties properties = new NotifyProperties(List.of(), NO_MAIL, 6, Duration.ofSeconds(10),
				Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(5));

		assertThat(List.of(1, 2, 3, 4, 5, 40)).map(properties::delayAfter)
			.containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40),
					Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(60));
	}

	@Test
	void refusesAWebhookThatIsNoHttpUrl() {
		assertThatThrownBy(() -> new NotifyProperties.Webhook(URI.create("file:///etc/passwd"), ""))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("http or https");
		assertThatThrownBy(() -> new NotifyProperties.Webhook(URI.create("hooks.example.org/x"), ""))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesNoAttemptAndNoTimeout() {
		assertThatThrownBy(() -> new NotifyProperties(List.of(), NO_MAIL, 0, Duration.ofSeconds(10),
				Duration.ofSeconds(60), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofMinutes(5)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new NotifyProperties(List.of(), NO_MAIL, 3, Duration.ofSeconds(10),
				Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(10), Duration.ofMinutes(5)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
