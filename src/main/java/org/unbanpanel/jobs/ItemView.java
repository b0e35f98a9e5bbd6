package org.unbanpanel.jobs;

import java.util.List;

/**
 * One value of a job and what came of it, for example "4.4.4.4 unbanned from sshd, dovecot" or "admin: 5 failed
 * logins cleared".
 * @param value the address, network or account name in canonical form
 * @param jails the jails the address was released from; empty unless {@link ItemState#UNBANNED}
 * @param failures the failed logins cleared; 0 unless {@link ItemState#CLEARED}
 * @param error why the value could not be unblocked; {@code null} unless {@link ItemState#FAILED}
 */
public record ItemView(ItemKind kind, String value, ItemState state, List<String> jails, int failures, String error) {

	static ItemView of(ItemKind kind, String value, ItemState state, String detail) {
		List<String> jails = (state == ItemState.UNBANNED) ? List.of(detail.split(", ")) : List.of();
		int failures = (state == ItemState.CLEARED) ? Integer.parseInt(detail) : 0;
		return new ItemView(kind, value, state, jails, failures, (state == ItemState.FAILED) ? detail : null);
	}

}
