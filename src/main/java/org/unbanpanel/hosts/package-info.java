/**
 * Where a command runs: the machine the panel runs on, or another host of the fleet over SSH (Apache MINA SSHD, one
 * long-lived session per host, a pinned host key). The adapters ask a {@code Host} for its command runner and their
 * settings there; the hosts page shows each host's reachability and tools, and the key to install on a new one.
 */
@ApplicationModule(displayName = "Hosts", allowedDependencies = { "core", "exec" })
package org.unbanpanel.hosts;

import org.springframework.modulith.ApplicationModule;
