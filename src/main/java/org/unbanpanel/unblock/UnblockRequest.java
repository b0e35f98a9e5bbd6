package org.unbanpanel.unblock;

import java.util.List;

import org.unbanpanel.fail2ban.BanTarget;
import org.unbanpanel.pam.AccountName;

/**
 * What one submission asks to unblock, already validated and without duplicates.
 */
public record UnblockRequest(List<BanTarget> addresses, List<AccountName> accounts) {

	public UnblockRequest {
		addresses = List.copyOf(addresses);
		accounts = List.copyOf(accounts);
		if (addresses.isEmpty() && accounts.isEmpty()) {
			throw new IllegalArgumentException("An unblock request needs at least one address or account");
		}
	}

}
