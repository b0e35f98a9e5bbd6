package org.unbanpanel.unblock;

import java.util.List;

import jakarta.validation.constraints.Size;
import org.unbanpanel.core.ParsedField;

/**
 * What the Unblock Access form posts: two free-text fields, each holding values separated by commas, blanks or new
 * lines, and the optional trust: its period ({@code none}, {@code 1h}, {@code 12h}, {@code 24h}) and the
 * confirmation that wide ranges may be trusted. The size cap keeps a pasted novel from being split and checked value
 * by value.
 */
record UnblockForm(@Size(max = MAX_FIELD_LENGTH) String ips, @Size(max = MAX_FIELD_LENGTH) String accounts,
		String trust, Boolean confirmWide) {

	static final int MAX_FIELD_LENGTH = 65_536;

	static UnblockForm empty() {
		return new UnblockForm("", "", null, false);
	}

	boolean confirmed() {
		return Boolean.TRUE.equals(confirmWide);
	}

	List<String> ipValues() {
		return ParsedField.split(ips);
	}

	List<String> accountValues() {
		return ParsedField.split(accounts);
	}

}
