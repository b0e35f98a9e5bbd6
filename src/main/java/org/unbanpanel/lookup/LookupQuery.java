package org.unbanpanel.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.util.StringUtils;
import org.unbanpanel.exec.InvalidValueException;
import org.unbanpanel.fail2ban.BanTarget;
import org.unbanpanel.pam.AccountName;
import org.unbanpanel.system.Rejection;
import org.unbanpanel.unblock.UnblockRequest;

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
		return parse(ip, user, UnblockRequest::releasable);
	}

	private static LookupQuery parse(String ip, String user, Function<String, BanTarget> addressParser) {
		List<Rejection> rejections = new ArrayList<>();
		return new LookupQuery(parse(LookupForm.IP, ip, addressParser, rejections),
				parse(LookupForm.USER, user, AccountName::parse, rejections), List.copyOf(rejections));
	}

	boolean valid() {
		return rejections.isEmpty();
	}

	boolean isEmpty() {
		return address.isEmpty() && user.isEmpty();
	}

	private static <T> Optional<T> parse(String field, String text, Function<String, T> parser,
			List<Rejection> rejections) {
		if (!StringUtils.hasText(text)) {
			return Optional.empty();
		}
		try {
			return Optional.of(parser.apply(text.strip()));
		}
		catch (InvalidValueException ex) {
			rejections.add(new Rejection(field, ex.code(), InvalidValueException.printable(text.strip())));
			return Optional.empty();
		}
	}


}
