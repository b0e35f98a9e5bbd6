package org.unbanpanel.core;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long released addresses are kept from being banned again, as the forms offer it (Unblock Access, Lookup, a
 * release link's form). None by default. In the kernel because the trust module and the links module both need it, and
 * links cannot depend on trust (trust records in the audit trail, which records the links' events).
 */
public enum TrustPeriod {

	NONE("none", Duration.ZERO), ONE_HOUR("1h", Duration.ofHours(1)), TWELVE_HOURS("12h", Duration.ofHours(12)),
	ONE_DAY("24h", Duration.ofHours(24));

	private final String param;

	private final Duration duration;

	TrustPeriod(String param, Duration duration) {
		this.param = param;
		this.duration = duration;
	}

	/**
	 * The period a form posted; a missing or empty value is {@link #NONE}.
	 * @throws InvalidValueException for any other value
	 */
	public static TrustPeriod fromParam(String param) {
		if (param == null || param.isEmpty()) {
			return NONE;
		}
		return Arrays.stream(values())
			.filter(period -> period.param.equals(param))
			.findFirst()
			.orElseThrow(() -> new InvalidValueException(param, "trust.period.invalid",
					"is not a trust period: none, 1h, 12h or 24h"));
	}

	/** The value the forms post. */
	public String param() {
		return param;
	}

	public Duration duration() {
		return duration;
	}

	public boolean trusts() {
		return this != NONE;
	}

}
