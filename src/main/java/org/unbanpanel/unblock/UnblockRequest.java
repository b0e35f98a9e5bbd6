package org.unbanpanel.unblock;

import java.time.Duration;
import java.util.List;

import org.unbanpanel.fail2ban.BanTarget;
import org.unbanpanel.pam.AccountName;

/**
 * What one submission asks to unblock, already validated and without duplicates.
 * @param trustFor how long the released addresses are kept from being banned again afterwards; {@link Duration#ZERO}
 * (or {@code null}) for no trust
 */
public record UnblockRequest(List<BanTarget> addresses, List<AccountName> accounts, Duration trustFor) {

	public UnblockRequest {
		addresses = List.copyOf(addresses);
		accounts = List.copyOf(accounts);
		trustFor = (trustFor != null) ? trustFor : Duration.ZERO;
		if (addresses.isEmpty() && accounts.isEmpty()) {
			throw new IllegalArgumentException("An unblock request needs at least one address or account");
		}
		if (trustFor.isNegative()) {
			throw new IllegalArgumentException("A trust cannot last a negative time");
		}
	}

	/** A request without trust. */
	public UnblockRequest(List<BanTarget> addresses, List<AccountName> accounts) {
		this(addresses, accounts, Duration.ZERO);
	}

}
