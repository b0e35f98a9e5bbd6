package org.unbanpanel.testsupport;

import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** What tests of the sign-in throttle share: its default limit, and what a refusal looks like over HTTP. */
public final class Throttled {

	/** {@code panel.security.throttle.max-failures}' default. */
	public static final int LIMIT = 5;

	private Throttled() {
	}

	/** Answered at once with 429 and a {@code Retry-After} of some seconds. */
	public static void assertRefusedAtOnce(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as("status").isEqualTo(429);
		assertThat(answer.headers().firstValue("Retry-After"))
			.hasValueSatisfying(seconds -> assertThat(Long.parseLong(seconds)).isPositive());
	}

}
