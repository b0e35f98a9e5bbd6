package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.time.LocalDateTime;

/**
 * One ban as {@code get <jail> banip --with-time} prints it, in the server's local time.
 * @param address the banned address exactly as fail2ban holds it
 * @param end when the ban ends; fail2ban shows year 9999 for a permanent ban
 */
public record Ban(String address, LocalDateTime start, Duration banTime, LocalDateTime end) {

	public boolean permanent() {
		return banTime.isNegative() || end.getYear() >= 9999;
	}

}
