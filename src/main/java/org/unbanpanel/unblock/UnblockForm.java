package org.unbanpanel.unblock;

import java.util.List;

import jakarta.validation.constraints.Size;
import org.unbanpanel.core.ParsedField;
import org.unbanpanel.hosts.HostName;

/**
 * What the Unblock Access form posts: two free-text fields, each holding values separated by commas, blanks or new
 * lines, and the optional trust: its period ({@code none}, {@code 1h}, {@code 12h}, {@code 24h}) and the
 * confirmation that wide ranges may be trusted; and the hosts to release on, a box each (every host ticked at first;
 * offered only for a fleet of more than one host). The size cap keeps a pasted novel from being split and checked value
 * by value.
 */
record UnblockForm(@Size(max = MAX_FIELD_LENGTH) String ips, @Size(max = MAX_FIELD_LENGTH) String accounts,
		String trust, Boolean confirmWide, @Size(max = MAX_HOSTS) List<String> hosts) {

	static final int MAX_FIELD_LENGTH = 65_536;

	/** More hosts than a fleet can sensibly hold: a longer list is no form's. */
	static final int MAX_HOSTS = 10_000;

	/** The empty form, every host of the fleet ticked. */
	static UnblockForm empty(List<HostName> fleet) {
		return new UnblockForm("", "", null, false, fleet.stream().map(HostName::value).toList());
	}

	/**
	 * The hosts ticked; {@code null} (every host) when the form offers no choice, which it does only for a fleet of
	 * more than one host. Where it offers one, no box ticked is no host, which the validator refuses.
	 */
	List<String> hostValues(boolean choiceOffered) {
		if (!choiceOffered) {
			return null;
		}
		return hosts == null ? List.of() : hosts;
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
