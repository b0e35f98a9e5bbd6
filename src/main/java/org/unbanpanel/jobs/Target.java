package org.unbanpanel.jobs;

/**
 * One value of a job: an address or network, or an account name, in canonical form.
 */
record Target(ItemKind kind, String value) {
}
