package org.unbanpanel.testsupport;

import java.util.function.UnaryOperator;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.unbanpanel.exec.CommandRunner;

/**
 * Wraps the application's {@link CommandRunner} in a whole-application test, to count or record the commands it
 * runs. Declare it as a static {@code @Bean} of a {@code @TestConfiguration}.
 */
public final class CommandRunnerDecorator {

	private CommandRunnerDecorator() {
	}

	public static BeanPostProcessor wrapping(UnaryOperator<CommandRunner> decorator) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				return bean instanceof CommandRunner runner ? decorator.apply(runner) : bean;
			}
		};
	}

}
