package org.unbanpanel.fail2ban;

import java.util.List;

/**
 * The entries one jail holds, as the panel could read them from {@code get <jail> banip --with-time}.
 * @param bans every entry read exactly, with its start and end, in fail2ban's order (by end of ban)
 * @param unreadable the entries the panel cannot read exactly, as fail2ban holds or printed them: entries holding a
 * newline or another control character, or lines that do not have the command's shape. Never shown as bans, and
 * never escaped here: whoever shows them escapes them.
 */
public record BanList(List<Ban> bans, List<String> unreadable) {

	public BanList {
		bans = List.copyOf(bans);
		unreadable = List.copyOf(unreadable);
	}

}
