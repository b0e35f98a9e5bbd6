package org.unbanpanel.trust;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.Rejection;

/**
 * "Don't lock yourself out": which addresses may be trusted. A single address or a narrow network may; a network
 * wider than a /24 (IPv4) or /48 (IPv6) needs the admin to confirm it; the catch-alls and whole private ranges are
 * refused unless {@link TrustProperties#allowWide()} is on. Unbanning itself is never limited here.
 */
@Component
public class TrustPolicy {

	/** Message code of a range that needs confirming; takes the value as its argument. */
	public static final String WIDE = "trust.wide";

	/** Message code of a range that is refused; takes the value as its argument. */
	public static final String REFUSED = "trust.refused";

	static final int WIDEST_IPV4_PREFIX = 24;

	static final int WIDEST_IPV6_PREFIX = 48;

	/** IPv4 addresses written as IPv6 ({@code ::ffff:192.0.2.1}): their networks are as wide as in IPv4. */
	private static final BanTarget IPV4_MAPPED = BanTarget.parse("::ffff:0.0.0.0/96");

	/**
	 * Trusting any network that covers one of these trusts a whole private network, or everything; the IPv4 ones
	 * also in their IPv4-mapped form.
	 */
	private static final List<BanTarget> WILDCARDS = List.of(BanTarget.parse("10.0.0.0/8"),
			BanTarget.parse("172.16.0.0/12"), BanTarget.parse("192.168.0.0/16"), BanTarget.parse("fc00::/7"),
			BanTarget.parse("::ffff:10.0.0.0/104"), BanTarget.parse("::ffff:172.16.0.0/108"),
			BanTarget.parse("::ffff:192.168.0.0/112"), IPV4_MAPPED);

	private final boolean allowWide;

	TrustPolicy(TrustProperties properties) {
		this.allowWide = properties.allowWide();
	}

	/**
	 * What stands against trusting the targets.
	 * @param confirmed whether the admin confirmed trusting wide ranges
	 * @return one problem per target that may not be trusted as asked, in the order given
	 */
	public List<Problem> check(Collection<BanTarget> targets, boolean confirmed) {
		return targets.stream().flatMap(target -> problem(target, confirmed).stream()).toList();
	}

	/**
	 * Reads the trust period a form or API request sent (field {@code trust}: none, 1h, 12h or 24h) and, when it asks
	 * for a trust, checks the addresses.
	 * @param addressField the field that holds the addresses, for their rejections
	 * @return the period asked for ({@link TrustPeriod#NONE} when it is not one), and a rejection per problem, each
	 * taking the value as its argument
	 */
	public Checked check(String period, boolean confirmed, Collection<BanTarget> addresses, String addressField) {
		TrustPeriod trustPeriod;
		try {
			trustPeriod = TrustPeriod.fromParam(period);
		}
		catch (InvalidValueException ex) {
			return new Checked(TrustPeriod.NONE, List.of(Rejection.of("trust", ex)));
		}
		List<Rejection> rejections = trustPeriod.trusts() ? check(addresses, confirmed).stream()
			.map(problem -> new Rejection(addressField, problem.code(), problem.target().value()))
			.toList() : List.of();
		return new Checked(trustPeriod, rejections);
	}

	private Optional<Problem> problem(BanTarget target, boolean confirmed) {
		if (!allowWide && isWildcard(target)) {
			return Optional.of(new Problem(target, REFUSED));
		}
		if (!confirmed && isWide(target)) {
			return Optional.of(new Problem(target, WIDE));
		}
		return Optional.empty();
	}

	static boolean isWildcard(BanTarget target) {
		return target.prefixLength() == 0 || WILDCARDS.stream().anyMatch(target::covers);
	}

	static boolean isWide(BanTarget target) {
		if (IPV4_MAPPED.covers(target)) {
			return target.prefixLength() - 96 < WIDEST_IPV4_PREFIX;
		}
		return target.prefixLength() < (target.isIpv6() ? WIDEST_IPV6_PREFIX : WIDEST_IPV4_PREFIX);
	}

	/**
	 * The trust a request asked for, and what stands against it.
	 * @param period {@link TrustPeriod#NONE} also when the period sent is not one
	 */
	public record Checked(TrustPeriod period, List<Rejection> rejections) {

		public Checked {
			rejections = List.copyOf(rejections);
		}

	}

	/**
	 * One target that cannot be trusted as asked.
	 * @param code {@link #WIDE} or {@link #REFUSED}
	 */
	public record Problem(BanTarget target, String code) {
	}

}
