package org.unbanpanel.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.ParsedField;
import org.unbanpanel.core.Rejection;
import org.unbanpanel.jobs.ReleaseRequest;

/**
 * What to look up, read from the address and user name as typed, blanks around them ignored; each bad value is
 * named with the message code Unblock Access uses for it.
 * @param alsoUnlock for a release: more accounts to clear, the locked ones the evidence named
 */
record LookupQuery(Optional<BanTarget> address, Optional<AccountName> user, List<AccountName> alsoUnlock,
		List<Rejection> rejections) {

	static LookupQuery parse(String ip, String user) {
		return parse(ip, user, List.of(), BanTarget::parse);
	}

	/** Like {@link #parse}, for releasing what was found: the address must be one a release may name. */
	static LookupQuery parseRelease(String ip, String user, List<String> alsoUnlock) {
		return parse(ip, user, alsoUnlock, ReleaseRequest::releasable);
	}

	private static LookupQuery parse(String ip, String user, List<String> alsoUnlock,
			Function<String, BanTarget> addressParser) {
		ParsedField<BanTarget> address = ParsedField.parse(LookupForm.IP, ParsedField.single(ip), addressParser);
		ParsedField<AccountName> name = ParsedField.parse(LookupForm.USER, ParsedField.single(user),
				AccountName::parse);
		ParsedField<AccountName> more = ParsedField.parse(LookupForm.UNLOCK, alsoUnlock, AccountName::parse);
		List<Rejection> rejections = new ArrayList<>(address.rejections());
		rejections.addAll(name.rejections());
		rejections.addAll(more.rejections());
		Optional<AccountName> account = name.values().stream().findFirst();
		List<AccountName> others = more.values().stream().filter(other -> !account.equals(Optional.of(other))).toList();
		return new LookupQuery(address.values().stream().findFirst(), account, others, List.copyOf(rejections));
	}

	/** Every account a release clears: the user looked up, then the others chosen. */
	List<AccountName> accounts() {
		List<AccountName> accounts = new ArrayList<>(user.stream().toList());
		accounts.addAll(alsoUnlock);
		return accounts;
	}

	boolean valid() {
		return rejections.isEmpty();
	}

	boolean isEmpty() {
		return address.isEmpty() && user.isEmpty() && alsoUnlock.isEmpty();
	}

}
