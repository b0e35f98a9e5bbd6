package org.unbanpanel.unblock;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.constraints.Size;

/**
 * What the Unblock Access form posts: two free-text fields, each holding values separated by commas, blanks or new
 * lines. The size cap keeps a pasted novel from being split and checked value by value.
 */
record UnblockForm(@Size(max = MAX_FIELD_LENGTH) String ips, @Size(max = MAX_FIELD_LENGTH) String accounts) {

	static final int MAX_FIELD_LENGTH = 65_536;

	private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

	static UnblockForm empty() {
		return new UnblockForm("", "");
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
