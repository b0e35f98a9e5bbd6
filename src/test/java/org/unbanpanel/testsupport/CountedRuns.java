package org.unbanpanel.testsupport;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.RemoteRunnerWrapper;

/**
 * Import into a whole-panel test ({@code @Import(CountedRuns.class)}): counts every command the panel hands its
 * runner, waiting for a place or not, in {@link #runs()}, and those it hands each remote host's runner in
 * {@link #runsOn}. One panel's at a time, as the test classes run one by one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountedRuns {

	private static volatile CountingCommandRunner runs;

	private static final Map<String, CountingCommandRunner> remote = new ConcurrentHashMap<>();

	/** The commands of the panel started last. */
	public static CountingCommandRunner runs() {
		return runs;
	}

	/** The commands run on this host (of {@code panel.hosts}, or {@code local}) by the panel started last. */
	public static CountingCommandRunner runsOn(String host) {
		return host.equals(HostName.LOCAL.value()) ? runs : remote.get(host);
	}

	@Bean
	static BeanPostProcessor countingCommandRunner() {
		return CommandRunnerDecorator.wrapping(runner -> runs = new CountingCommandRunner(runner));
	}

	@Bean
	RemoteRunnerWrapper countingRemoteRunners() {
		return (host, runner) -> {
			CountingCommandRunner counting = new CountingCommandRunner(runner);
			remote.put(host.value(), counting);
			return counting;
		};
	}

}
