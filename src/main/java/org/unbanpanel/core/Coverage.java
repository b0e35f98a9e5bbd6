package org.unbanpanel.core;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * How many addresses some targets cover together, each address counted once however many of them hold it, IPv4 and
 * IPv6 apart: the width of a whole request, not of its widest value. {@code 0.0.0.0/1} and {@code 128.0.0.0/1}
 * together cover every IPv4 address, as {@code 0.0.0.0/0} does; three /24s cover 768 addresses, more than one /24.
 * An IPv4-mapped network counts in IPv6 here; a caller that means it as IPv4 passes {@link BanTarget#asIpv4()}.
 */
public final class Coverage {

	private static final BigInteger ALL_IPV4 = BigInteger.TWO.pow(32);

	private static final BigInteger ALL_IPV6 = BigInteger.TWO.pow(128);

	/** A run of addresses from {@code first} to {@code end} (excluded). */
	private record Range(BigInteger first, BigInteger end) {

		static Range of(BanTarget target) {
			BigInteger first = target.first();
			return new Range(first, first.add(BigInteger.TWO.pow(target.familyBits() - target.prefixLength())));
		}

		BigInteger size() {
			return end.subtract(first);
		}

		BigInteger overlap(Range other) {
			BigInteger from = first.max(other.first);
			BigInteger to = end.min(other.end);
			return from.compareTo(to) < 0 ? to.subtract(from) : BigInteger.ZERO;
		}

	}

	private final List<Range> ipv4;

	private final List<Range> ipv6;

	private Coverage(List<Range> ipv4, List<Range> ipv6) {
		this.ipv4 = ipv4;
		this.ipv6 = ipv6;
	}

	public static Coverage of(Collection<BanTarget> targets) {
		return new Coverage(merged(targets, false), merged(targets, true));
	}

	/** The IPv4 addresses covered. */
	public BigInteger ipv4() {
		return total(ipv4);
	}

	/** The IPv6 addresses covered. */
	public BigInteger ipv6() {
		return total(ipv6);
	}

	/** Whether every address of a family is covered, as by {@code 0.0.0.0/0} or {@code ::/0}. */
	public boolean everyAddressOfAFamily() {
		return ipv4().equals(ALL_IPV4) || ipv6().equals(ALL_IPV6);
	}

	/** Whether more IPv4 addresses are covered than a network of the first prefix holds, or IPv6 ones than the second. */
	public boolean widerThan(int ipv4Prefix, int ipv6Prefix) {
		return ipv4().compareTo(BigInteger.TWO.pow(32 - ipv4Prefix)) > 0
				|| ipv6().compareTo(BigInteger.TWO.pow(128 - ipv6Prefix)) > 0;
	}

	/** Whether every address of the network is covered, by one target or by several together. */
	public boolean coversAll(BanTarget network) {
		Range whole = Range.of(network);
		List<Range> family = network.isIpv6() ? ipv6 : ipv4;
		BigInteger covered = family.stream().map(whole::overlap).reduce(BigInteger.ZERO, BigInteger::add);
		return covered.equals(whole.size());
	}

	private static List<Range> merged(Collection<BanTarget> targets, boolean ipv6) {
		List<Range> sorted = targets.stream()
			.filter(target -> target.isIpv6() == ipv6)
			.map(Range::of)
			.sorted(Comparator.comparing(Range::first))
			.toList();
		List<Range> merged = new ArrayList<>();
		for (Range range : sorted) {
			Range last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && range.first().compareTo(last.end()) <= 0) {
				merged.set(merged.size() - 1, new Range(last.first(), last.end().max(range.end())));
			}
			else {
				merged.add(range);
			}
		}
		return merged;
	}

	private static BigInteger total(List<Range> ranges) {
		return ranges.stream().map(Range::size).reduce(BigInteger.ZERO, BigInteger::add);
	}

}
