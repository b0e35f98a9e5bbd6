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
 */
record LookupQuery(Optional<BanTarget> address, Optional<AccountName> user, List<Rejection> rejections) {

	static LookupQuery parse(String ip, String user) {
		return parse(ip, user, BanTarget::parse);
	}

	/** Like {@link #parse}, for releasing what was found: the address must be one a release may name. */
	static LookupQuery parseRelease(String ip, String user) {
		return parse(ip, user, ReleaseRequest::releasable);
	}

	private static LookupQuery parse(String ip, String user, Function<String, BanTarget> addressParser) {
		ParsedField<BanTarget> address = ParsedField.parse(LookupForm.IP, ParsedField.single(ip), addressParser);
		ParsedField<AccountName> name = ParsedField.parse(LookupForm.USER, ParsedField.single(user),
				AccountName::parse);
		List<Rejection> rejections = new ArrayList<>(address.rejections());
		rejections.addAll(name.rejections());
		return new LookupQuery(address.values().stream().findFirst(), name.values().stream().findFirst(),
				List.copyOf(rejections));
	}

	boolean valid() {
		return rejections.isEmpty();
	}

	boolean isEmpty() {
		return address.isEmpty() && user.isEmpty();
	}

}
