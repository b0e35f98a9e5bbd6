package org.unbanpanel.jobs;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Coverage;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.JailName;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.hosts.HostName;

/**
 * What one submission asks to unblock, already validated and without duplicates. Every way of queueing a release
 * (Unblock Access, Lookup, a jail's page, the API) reads its addresses with {@link #releasable} and checks them
 * together with {@link #together}: no request covers every address of a family, whether in one value or in several.
 *
 * @param trustFor how long the released addresses are kept from being banned again afterwards; {@link Duration#ZERO}
 * (or {@code null}) for no trust
 * @param jails the jails to release the addresses from; empty (or {@code null}) for every jail. Accounts are not
 * affected by it.
 * @param hosts the hosts of the fleet to release every value on; empty (or {@code null}) for every host. The job
 * resolves them when it is submitted, and refuses a name the fleet does not have ({@link #UNKNOWN_HOST}).
 */
public record ReleaseRequest(List<BanTarget> addresses, List<AccountName> accounts, Duration trustFor,
		List<String> jails, List<HostName> hosts) {

	/** Message code of addresses that together cover every address; takes the values as its argument. */
	public static final String TOO_WIDE_TOGETHER = "invalid.ip.tooWideTogether";

	/** Message code of a host name the fleet does not have; takes the name as its argument. */
	public static final String UNKNOWN_HOST = "invalid.host.unknown";

	public ReleaseRequest {
		addresses = List.copyOf(addresses);
		accounts = List.copyOf(accounts);
		trustFor = (trustFor != null) ? trustFor : Duration.ZERO;
		jails = (jails != null) ? List.copyOf(new LinkedHashSet<>(jails)) : List.of();
		hosts = (hosts != null) ? List.copyOf(new LinkedHashSet<>(hosts)) : List.of();
		if (addresses.isEmpty() && accounts.isEmpty()) {
			throw new IllegalArgumentException("A release request needs at least one address or account");
		}
		if (trustFor.isNegative()) {
			throw new IllegalArgumentException("A trust cannot last a negative time");
		}
		addresses.forEach(address -> releasable(address.value()));
		jails.forEach(JailName::parse);
		together(null, addresses).ifPresent(refused -> {
			throw new InvalidValueException(refused.value(), TOO_WIDE_TOGETHER,
					"together cover every address, which would release every ban at once");
		});
	}

	/** A request without trust, from every jail, on every host. */
	public ReleaseRequest(List<BanTarget> addresses, List<AccountName> accounts) {
		this(addresses, accounts, Duration.ZERO);
	}

	/** A request from every jail, on every host. */
	public ReleaseRequest(List<BanTarget> addresses, List<AccountName> accounts, Duration trustFor) {
		this(addresses, accounts, trustFor, List.of());
	}

	/** A request on every host of the fleet. */
	public ReleaseRequest(List<BanTarget> addresses, List<AccountName> accounts, Duration trustFor,
			List<String> jails) {
		this(addresses, accounts, trustFor, jails, List.of());
	}

	/**
	 * An address or network to release, but not every address at once: {@code 0.0.0.0/0} or {@code ::/0} would lift
	 * every ban of the family in one go, which no single request should be able to do.
	 * @throws InvalidValueException when the text is no address, or covers every address
	 */
	public static BanTarget releasable(String text) {
		BanTarget target = BanTarget.parse(text);
		if (target.prefixLength() == 0) {
			throw new InvalidValueException(text, "invalid.ip.tooWide",
					"covers every address, which would release every ban at once");
		}
		return target;
	}

	/**
	 * Why these addresses may not be released in one request, if they may not: together they cover every address of
	 * a family ({@code 0.0.0.0/1} and {@code 128.0.0.0/1} are a {@code 0.0.0.0/0}), counted by {@link Coverage}.
	 * @param field the form field or JSON property that held them
	 * @return a rejection with {@link #TOO_WIDE_TOGETHER}, its value the networks of the request
	 */
	public static Optional<Rejection> together(String field, Collection<BanTarget> addresses) {
		if (!Coverage.of(addresses).everyAddressOfAFamily()) {
			return Optional.empty();
		}
		String networks = addresses.stream()
			.filter(BanTarget::isNetwork)
			.map(BanTarget::value)
			.collect(Collectors.joining(", "));
		return Optional.of(new Rejection(field, TOO_WIDE_TOGETHER, networks));
	}

	/** How many values it holds, addresses and accounts together. */
	public int size() {
		return addresses.size() + accounts.size();
	}

	/** Whether it releases from every jail, not from chosen ones only. */
	public boolean everyJail() {
		return jails.isEmpty();
	}

	/** Whether it releases on every host of the fleet, not on chosen ones only. */
	public boolean everyHost() {
		return hosts.isEmpty();
	}

}
