package org.unbanpanel.jobs;

import org.unbanpanel.hosts.HostName;

/**
 * One value of a job on one host: an address or network, or an account name, in canonical form, and the host of the
 * fleet it is released on.
 */
record Target(ItemKind kind, String value, HostName host) {
}
