package org.unbanpanel.links;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.TrustPeriod;

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

	static LinkForm proposed(LinksProperties properties) {
		return new LinkForm("", List.of(), (int) Math.min(MAX_HOURS, Math.max(1, properties.validFor().toHours())),
				Math.min(MAX_USES, properties.uses()), TrustPeriod.NONE.param(), false);
	}

	public List<String> chosenJails() {
		return jails == null ? List.of() : jails.stream().filter(jail -> !jail.isEmpty()).distinct().toList();
	}

	/**
	 * The trust period chosen; none when none is posted.
	 * @throws InvalidValueException for a value that is not a {@link TrustPeriod}'s
	 */
	Duration trustFor() {
		return TrustPeriod.fromParam(trust).duration();
	}

	public boolean protectedIncluded() {
		return Boolean.TRUE.equals(includeProtected);
	}

	String noteText() {
		return note == null ? "" : note.strip();
	}

}
