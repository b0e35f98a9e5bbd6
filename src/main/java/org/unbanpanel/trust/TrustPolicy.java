package org.unbanpanel.trust;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Coverage;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.core.TrustPeriod;

/**
 * "Don't lock yourself out": which addresses may be trusted, judged by how many addresses a request covers over all
 * its values together ({@link Coverage}), not by the prefix of its widest value, and IPv4-mapped addresses as the
 * IPv4 ones they stand for. Up to a /24's worth (IPv4) or a /48's (IPv6) may be trusted; more needs the admin to
 * confirm it; more than a /16's worth or a /32's, or a whole private range (also when several values make it up), is
 * refused unless {@link TrustProperties#allowWide()} is on. So {@code 64.0.0.0/2}, {@code 2000::/3}, or
 * {@code 192.168.0.0/17} with {@code 192.168.128.0/17}, are refused, and three /24s together need the confirmation. Unbanning
 * itself is never limited here.
 */
@Component
public class TrustPolicy {

	/** Message code of a range that needs confirming; takes the value as its argument. */
	public static final String WIDE = "trust.wide";

	/** Message code of a range that is refused; takes the value as its argument. */
	public static final String REFUSED = "trust.refused";

	/** Message code of values that together need confirming; takes the values as its argument. */
	public static final String WIDE_TOGETHER = "trust.wideTogether";

	/** Message code of values that together are refused; takes the values as its argument. */
	public static final String REFUSED_TOGETHER = "trust.refusedTogether";

	/** Trusting more IPv4 addresses than a network of this prefix holds needs a confirmation. */
	static final int WIDEST_IPV4_PREFIX = 24;

	/** Trusting more IPv6 addresses than a network of this prefix holds needs a confirmation. */
	static final int WIDEST_IPV6_PREFIX = 48;

	/** Trusting more IPv4 addresses than this prefix holds (the smallest private range, 192.168.0.0/16) is refused. */
	static final int WIDEST_REFUSED_IPV4_PREFIX = 16;

	/** Trusting more IPv6 addresses than this prefix holds (a whole provider's allocation) is refused. */
	static final int WIDEST_REFUSED_IPV6_PREFIX = 32;

	/** Trusting all of one of these trusts a whole private network (IPv4-mapped ones count as IPv4). */
	private static final List<BanTarget> PRIVATE_RANGES = List.of(BanTarget.parse("10.0.0.0/8"),
			BanTarget.parse("172.16.0.0/12"), BanTarget.parse("192.168.0.0/16"), BanTarget.parse("fc00::/7"));

	private final boolean allowWide;

	TrustPolicy(TrustProperties properties) {
		this.allowWide = properties.allowWide();
	}

	/**
	 * What stands against trusting the targets.
	 * @param confirmed whether the admin confirmed trusting wide ranges
	 * @return one problem per target that may not be trusted as asked, in the order given; when each may, but all of
	 * them together may not, one problem naming them all
	 */
	public List<Problem> check(Collection<BanTarget> targets, boolean confirmed) {
		List<Problem> problems = targets.stream()
			.flatMap(target -> problem(List.of(target), confirmed, REFUSED, WIDE).stream())
			.toList();
		if (!problems.isEmpty() || targets.size() < 2) {
			return problems;
		}
		return problem(targets, confirmed, REFUSED_TOGETHER, WIDE_TOGETHER).stream().toList();
	}

	/**
	 * Reads the trust period a form or API request sent (field {@code trust}: none, 1h, 12h or 24h) and, when it asks
	 * for a trust, checks the addresses.
	 * @param addressField the field that holds the addresses, for their rejections
	 * @return the period asked for ({@link TrustPeriod#NONE} when it is not one), and a rejection per problem, each
	 * taking the value (or values) as its argument
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
			.map(problem -> new Rejection(addressField, problem.code(), problem.values()))
			.toList() : List.of();
		return new Checked(trustPeriod, rejections);
	}

	private Optional<Problem> problem(Collection<BanTarget> targets, boolean confirmed, String refused, String wide) {
		Coverage covered = Coverage.of(targets.stream().map(target -> target.asIpv4().orElse(target)).toList());
		String values = targets.stream().map(BanTarget::value).collect(Collectors.joining(", "));
		if (!allowWide && isRefused(covered)) {
			return Optional.of(new Problem(values, refused));
		}
		if (!confirmed && covered.widerThan(WIDEST_IPV4_PREFIX, WIDEST_IPV6_PREFIX)) {
			return Optional.of(new Problem(values, wide));
		}
		return Optional.empty();
	}

	private static boolean isRefused(Coverage covered) {
		return covered.widerThan(WIDEST_REFUSED_IPV4_PREFIX, WIDEST_REFUSED_IPV6_PREFIX)
				|| PRIVATE_RANGES.stream().anyMatch(covered::coversAll);
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
	 * Values that cannot be trusted as asked.
	 * @param values one value, or for a problem of several together all of them, separated by ", "
	 * @param code {@link #WIDE}, {@link #REFUSED}, {@link #WIDE_TOGETHER} or {@link #REFUSED_TOGETHER}
	 */
	public record Problem(String values, String code) {
	}

}
