package org.unbanpanel.unblock;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

import org.springframework.stereotype.Component;
import org.unbanpanel.exec.InvalidValueException;
import org.unbanpanel.fail2ban.BanTarget;
import org.unbanpanel.pam.AccountName;
import org.unbanpanel.system.Rejection;

/**
 * Checks every value of an unblock request, for the form and the API alike. Each bad value is named; duplicates
 * (also ones written differently, such as {@code 2001:DB8::6} and {@code 2001:db8::6}) are merged. A network is
 * accepted unless it is a catch-all ({@code 0.0.0.0/0}, {@code ::/0}).
 */
@Component
class UnblockValidator {

	static final String IPS = "ips";

	static final String ACCOUNTS = "accounts";

	private final int maxValues;

	UnblockValidator(UnblockProperties properties) {
		this.maxValues = properties.maxValues();
	}

	Result validate(List<String> ips, List<String> accounts) {
		List<Rejection> rejections = new ArrayList<>();
		if (ips.size() + accounts.size() > maxValues) {
			rejections.add(new Rejection(null, "unblock.tooMany", String.valueOf(maxValues)));
			return new Result(null, rejections);
		}
		List<BanTarget> addresses = parseAll(IPS, ips, UnblockRequest::releasable, rejections);
		List<AccountName> names = parseAll(ACCOUNTS, accounts, AccountName::parse, rejections);
		if (rejections.isEmpty() && addresses.isEmpty() && names.isEmpty()) {
			rejections.add(new Rejection(null, "unblock.nothing", ""));
		}
		return new Result(rejections.isEmpty() ? new UnblockRequest(addresses, names) : null, rejections);
	}

	private static <T> List<T> parseAll(String field, List<String> values, Function<String, T> parser,
			List<Rejection> rejections) {
		LinkedHashSet<T> parsed = new LinkedHashSet<>();
		for (String value : values) {
			try {
				parsed.add(parser.apply(value));
			}
			catch (InvalidValueException ex) {
				rejections.add(new Rejection(field, ex.code(), InvalidValueException.printable(value)));
			}
		}
		return List.copyOf(parsed);
	}

	/** Either a request to queue, or the reasons it cannot be. */
	record Result(UnblockRequest request, List<Rejection> rejections) {

		boolean valid() {
			return rejections.isEmpty();
		}

	}


}
