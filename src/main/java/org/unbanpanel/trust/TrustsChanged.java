package org.unbanpanel.trust;

/**
 * Published when a trust was added or ended, so that the expiry timer looks at the next end again.
 * @param checkLists whether the ignore lists are to be checked soon: a trust fail2ban could not take yet
 */
record TrustsChanged(boolean checkLists) {
}
