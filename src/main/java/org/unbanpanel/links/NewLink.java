package org.unbanpanel.links;

import java.time.Duration;
import java.util.List;

/**
 * What an admin asks for when making a link, already checked by the form.
 * @param jails the jails it may release from; empty for every jail
 */
record NewLink(String note, List<String> jails, boolean includeProtected, Duration trustFor, Duration validFor,
		int uses) {

	NewLink {
		jails = List.copyOf(jails);
	}

}
