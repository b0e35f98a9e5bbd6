package org.unbanpanel.testsupport;

import java.util.List;

/** The test hosts of one class ({@link WithSshHosts}), in the order they were started. */
public record SshHosts(List<SshTestHost> all) implements AutoCloseable {

	/**
	 * The running hosts of a test class, for what is set up before its instances exist: a
	 * {@code @DynamicPropertySource} method that points a whole panel at them.
	 */
	public static SshHosts of(Class<?> testClass) {
		return SshHostsExtension.hostsOf(testClass);
	}

	public SshTestHost get(int index) {
		return all.get(index);
	}

	/** Removes every host, also after one that fails to close; throws the first failure, the others suppressed. */
	@Override
	public void close() {
		RuntimeException first = null;
		for (SshTestHost host : all) {
			try {
				host.close();
			}
			catch (RuntimeException ex) {
				if (first == null) {
					first = ex;
				}
				else {
					first.addSuppressed(ex);
				}
			}
		}
		if (first != null) {
			throw first;
		}
	}

}
