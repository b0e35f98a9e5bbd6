package org.unbanpanel.unblock;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.core.ParsedField;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.jobs.ReleaseRequest;
import org.unbanpanel.pam.AccountLocks;

/**
 * Checks every value of an unblock request, for the form and the API alike. Each bad value is named; duplicates
 * (also ones written differently, such as {@code 2001:DB8::6} and {@code 2001:db8::6}) are merged. A network is
 * accepted unless it is a catch-all ({@code 0.0.0.0/0}, {@code ::/0}), and the addresses are refused together when
 * they cover every address of a family between them ({@code 0.0.0.0/1, 128.0.0.0/1}). Accounts are refused when no
 * account-lock tool is configured here and the fleet has no other host, rather than queued to fail; in a fleet each
 * host's line of the job says whether that host keeps locks.
 */
@Component
class UnblockValidator {

	static final String IPS = "ips";

	static final String ACCOUNTS = "accounts";

	static final String HOSTS = "hosts";

	private final int maxValues;

	private final AccountLocks accountLocks;

	private final JobService jobs;

	UnblockValidator(UnblockProperties properties, AccountLocks accountLocks, JobService jobs) {
		this.maxValues = properties.maxValues();
		this.accountLocks = accountLocks;
		this.jobs = jobs;
	}

	/** The hosts of the fleet, the local machine first; the form offers a choice only when there are several. */
	List<HostName> fleet() {
		return jobs.hosts();
	}

	/**
	 * The hosts a request chose, each a host of the fleet ({@code invalid.host.name}, {@link ReleaseRequest#UNKNOWN_HOST}
	 * otherwise), at least one ({@code unblock.hosts.none}).
	 * @param names the names given, or {@code null} for every host (no values then)
	 */
	ParsedField<HostName> hosts(List<String> names) {
		if (names == null) {
			return new ParsedField<>(List.of(), List.of());
		}
		List<HostName> fleet = fleet();
		ParsedField<HostName> hosts = ParsedField.parse(HOSTS, names, name -> known(HostName.parse(name), fleet));
		if (hosts.valid() && hosts.values().isEmpty()) {
			return new ParsedField<>(List.of(), List.of(new Rejection(HOSTS, "unblock.hosts.none", "")));
		}
		return hosts;
	}

	private static HostName known(HostName host, List<HostName> fleet) {
		if (!fleet.contains(host)) {
			throw new InvalidValueException(host.value(), ReleaseRequest.UNKNOWN_HOST, "is not a host of the fleet");
		}
		return host;
	}

	/**
	 * Whether this panel can release accounts at all: the form offers the field only then. Another host may keep locks
	 * where this machine keeps none: in a fleet, each host's line of the job says whether it does.
	 */
	boolean acceptsAccounts() {
		return accountLocks.managed() || fleet().stream().anyMatch(host -> !host.isLocal());
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
