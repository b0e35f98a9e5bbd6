package org.unbanpanel.links;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.unbanpanel.core.InvalidValueException;

/**
 * What the form that makes a link posts.
 * @param jails the jails ticked; none for every jail
 * @param hours how long the link is valid, in hours
 * @param uses how many releases it allows
 * @param trust the trust period after a release ({@code none}, {@code 1h}, {@code 12h}, {@code 24h})
 * @param includeProtected whether it may also release from the protected jails
 */
record LinkForm(@Size(max = MAX_NOTE) String note, List<String> jails, @Min(1) @Max(MAX_HOURS) Integer hours,
		@Min(1) @Max(MAX_USES) Integer uses, String trust, Boolean includeProtected) {

	static final int MAX_NOTE = 200;

	/** 30 days. */
	static final int MAX_HOURS = 720;

	static final int MAX_USES = 100;

	/**
	 * The trust periods a link offers, as Unblock Access offers them (its {@code TrustPeriod}, which this module
	 * cannot use: the trust module records in the audit trail, which records the links' events).
	 */
	static final List<String> TRUST_PERIODS = List.of("none", "1h", "12h", "24h");

	static LinkForm proposed(LinksProperties properties) {
		return new LinkForm("", List.of(), (int) Math.min(MAX_HOURS, Math.max(1, properties.validFor().toHours())),
				Math.min(MAX_USES, properties.uses()), "none", false);
	}

	public List<String> chosenJails() {
		return jails == null ? List.of() : jails.stream().filter(jail -> !jail.isEmpty()).distinct().toList();
	}

	/**
	 * The trust period chosen; none when none is posted.
	 * @throws InvalidValueException for a value that is not one of {@link #TRUST_PERIODS}
	 */
	Duration trustFor() {
		if (trust == null || trust.isEmpty() || trust.equals(TRUST_PERIODS.get(0))) {
			return Duration.ZERO;
		}
		if (!TRUST_PERIODS.contains(trust)) {
			throw new InvalidValueException(trust, "trust.period.invalid", "is not a trust period: none, 1h, 12h or 24h");
		}
		return Duration.ofHours(Long.parseLong(trust.substring(0, trust.length() - 1)));
	}

	public boolean protectedIncluded() {
		return Boolean.TRUE.equals(includeProtected);
	}

	String noteText() {
		return note == null ? "" : note.strip();
	}

}
