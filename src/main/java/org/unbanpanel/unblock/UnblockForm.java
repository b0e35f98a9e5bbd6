package org.unbanpanel.unblock;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Size;

/**
 * What the Unblock Access form posts: two free-text fields, each holding values separated by commas, blanks or new
 * lines, and the optional trust: its period ({@code none}, {@code 1h}, {@code 12h}, {@code 24h}) and the
 * confirmation that wide ranges may be trusted. The size cap keeps a pasted novel from being split and checked value
 * by value.
 */
record UnblockForm(@Size(max = MAX_FIELD_LENGTH) String ips, @Size(max = MAX_FIELD_LENGTH) String accounts,
		String trust, Boolean confirmWide) {

	static final int MAX_FIELD_LENGTH = 65_536;

	private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

	static UnblockForm empty() {
		return new UnblockForm("", "", null, false);
	}

	boolean confirmed() {
		return Boolean.TRUE.equals(confirmWide);
	}

	List<String> ipValues() {
		return split(ips);
	}

	List<String> accountValues() {
		return split(accounts);
	}

	private static List<String> split(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(SEPARATORS.split(text)).filter(value -> !value.isEmpty()).toList();
	}

}
