package org.unbanpanel.hosts;

import org.unbanpanel.exec.CommandRunner;

/**
 * Wraps the command runner of each remote host as {@link Hosts} makes it, as the panel's own runner bean is wrapped
 * for the local machine: the metrics module times every run by host this way.
 */
@FunctionalInterface
public interface RemoteRunnerWrapper {

	CommandRunner wrap(HostName host, CommandRunner runner);

}
