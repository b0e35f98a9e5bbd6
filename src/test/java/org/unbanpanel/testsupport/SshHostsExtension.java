package org.unbanpanel.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.springframework.core.annotation.MergedAnnotations;

/** Starts and removes the hosts of {@link WithSshHosts} for each test class, and hands them to it. */
final class SshHostsExtension extends ClassResourceExtension<SshHosts> {

	private static final String WHAT = "test hosts";

	SshHostsExtension() {
		super(SshHosts.class, WHAT);
	}

	@Override
	SshHosts start(Class<?> testClass) {
		int count = MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
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
		return new SshHosts(List.copyOf(hosts));
	}

	static SshHosts hostsOf(Class<?> testClass) {
		return of(SshHosts.class, WHAT, testClass);
	}

}
