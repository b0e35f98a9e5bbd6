package org.unbanpanel.unblock;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.ParsedField;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.pam.AccountLocks;

/**
 * Checks every value of an unblock request, for the form and the API alike. Each bad value is named; duplicates
 * (also ones written differently, such as {@code 2001:DB8::6} and {@code 2001:db8::6}) are merged. A network is
 * accepted unless it is a catch-all ({@code 0.0.0.0/0}, {@code ::/0}), and the addresses are refused together when
 * they cover every address of a family between them ({@code 0.0.0.0/1, 128.0.0.0/1}). Accounts are refused when no
 * account-lock tool is configured, rather than queued to fail.
 */
@Component
class UnblockValidator {

	static final String IPS = "ips";

	static final String ACCOUNTS = "accounts";

	private final int maxValues;

	private final AccountLocks accountLocks;

	UnblockValidator(UnblockProperties properties, AccountLocks accountLocks) {
		this.maxValues = properties.maxValues();
		this.accountLocks = accountLocks;
	}

	/** Whether this panel can release accounts at all: the form offers the field only then. */
	boolean acceptsAccounts() {
		return accountLocks.managed();
	}

	Result validate(List<String> ips, List<String> accounts) {
		List<Rejection> rejections = new ArrayList<>();
		if (ips.size() + accounts.size() > maxValues) {
			rejections.add(new Rejection(null, "unblock.tooMany", String.valueOf(maxValues)));
			return new Result(null, rejections);
		}
		ParsedField<BanTarget> addresses = ParsedField.parse(IPS, ips, ReleaseRequest::releasable);
		ParsedField<AccountName> names = ParsedField.parse(ACCOUNTS, accounts, AccountName::parse);
		rejections.addAll(addresses.rejections());
		ReleaseRequest.together(IPS, addresses.values()).ifPresent(rejections::add);
		rejections.addAll(names.rejections());
		if (!names.values().isEmpty() && !acceptsAccounts()) {
			rejections.add(new Rejection(ACCOUNTS, "unblock.accounts.notManaged", ""));
		}
		if (rejections.isEmpty() && addresses.values().isEmpty() && names.values().isEmpty()) {
			rejections.add(new Rejection(null, "unblock.nothing", ""));
		}
		return new Result(rejections.isEmpty() ? new ReleaseRequest(addresses.values(), names.values()) : null,
				rejections);
	}

	/** Either a request to queue, or the reasons it cannot be. */
	record Result(ReleaseRequest request, List<Rejection> rejections) {

		boolean valid() {
			return rejections.isEmpty();
		}

	}

}
