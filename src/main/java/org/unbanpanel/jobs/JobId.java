package org.unbanpanel.jobs;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one rule for a job number in a URL, for the job page and the API alike: plain decimal digits without a leading
 * zero, at most 18 of them (so it fits a {@code long}). Spring's own number conversion would also read {@code 0x10},
 * full-width digits or {@code 007}, and give one job several addresses.
 */
final class JobId {

	static final String PATTERN = "[1-9][0-9]{0,17}";

	private static final Pattern RULE = Pattern.compile(PATTERN);

	private JobId() {
	}

	/** The job number the text names, or empty when it is not one. */
	static Optional<Long> parse(String text) {
		return RULE.matcher(text).matches() ? Optional.of(Long.parseLong(text)) : Optional.empty();
	}

}
