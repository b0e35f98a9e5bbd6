package org.unbanpanel.testsupport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.core.annotation.MergedAnnotations;

/** Starts and removes the hosts of {@link WithSshHosts} for each test class, and hands them to it. */
final class SshHostsExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private static final Map<Class<?>, SshHosts> RUNNING = new ConcurrentHashMap<>();

	@Override
	public void beforeAll(ExtensionContext context) {
		int count = MergedAnnotations.from(context.getRequiredTestClass(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.get(WithSshHosts.class)
			.synthesize()
			.value();
		List<SshTestHost> hosts = new ArrayList<>();
		try {
			for (int i = 0; i < count; i++) {
				hosts.add(SshTestHost.start());
			}
		}
		catch (RuntimeException | Error ex) {
			hosts.forEach(SshTestHost::close);
			throw ex;
		}
		RUNNING.put(context.getRequiredTestClass(), new SshHosts(List.copyOf(hosts)));
	}

	@Override
	public void afterAll(ExtensionContext context) {
		SshHosts hosts = RUNNING.remove(context.getRequiredTestClass());
		if (hosts != null) {
			hosts.all().forEach(SshTestHost::close);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == SshHosts.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return hostsOf(context.getRequiredTestClass());
	}

	static SshHosts hostsOf(Class<?> testClass) {
		SshHosts hosts = RUNNING.get(testClass);
		if (hosts == null) {
			throw new IllegalStateException("The test hosts of " + testClass.getSimpleName() + " are not running");
		}
		return hosts;
	}

}
