package org.unbanpanel.jobs;

/**
 * A ban entry and the jail that holds it, as a job's result names it.
 * @param entry the address or network exactly as fail2ban holds it
 */
public record JailEntry(String jail, String entry) {
}
