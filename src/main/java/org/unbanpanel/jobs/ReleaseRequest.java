package org.unbanpanel.jobs;

import java.time.Duration;
import java.util.List;

import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;

/**
 * What one submission asks to unblock, already validated and without duplicates. Every way of queueing a release
 * (Unblock Access, Lookup, a jail's page, the API) reads its addresses with {@link #releasable}, and no request holds
 * an address that covers every other.
 *
 * @param trustFor how long the released addresses are kept from being banned again afterwards; {@link Duration#ZERO}
 * (or {@code null}) for no trust
 */
public record ReleaseRequest(List<BanTarget> addresses, List<AccountName> accounts, Duration trustFor) {

	public ReleaseRequest {
		addresses = List.copyOf(addresses);
		accounts = List.copyOf(accounts);
		trustFor = (trustFor != null) ? trustFor : Duration.ZERO;
		if (addresses.isEmpty() && accounts.isEmpty()) {
			throw new IllegalArgumentException("A release request needs at least one address or account");
		}
		if (trustFor.isNegative()) {
			throw new IllegalArgumentException("A trust cannot last a negative time");
		}
		addresses.forEach(address -> releasable(address.value()));
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

	/** How many values it holds, addresses and accounts together. */
	public int size() {
		return addresses.size() + accounts.size();
	}

	/** A request without trust. */
	public ReleaseRequest(List<BanTarget> addresses, List<AccountName> accounts) {
		this(addresses, accounts, Duration.ZERO);
	}

}
