package org.unbanpanel.testsupport;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Import into a whole-panel test ({@code @Import(CountedRuns.class)}): counts every command the panel hands its
 * runner, waiting for a place or not, in {@link #runs()}. One panel's at a time, as the test classes run one by one.
 */
@TestConfiguration(proxyBeanMethods = false)
public class CountedRuns {

	private static volatile CountingCommandRunner runs;

	/** The commands of the panel started last. */
	public static CountingCommandRunner runs() {
		return runs;
	}

	@Bean
	static BeanPostProcessor countingCommandRunner() {
		return CommandRunnerDecorator.wrapping(runner -> runs = new CountingCommandRunner(runner));
	}

}
