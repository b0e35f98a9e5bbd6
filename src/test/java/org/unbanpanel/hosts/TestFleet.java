package org.unbanpanel.hosts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.exec.CommandsProperties;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;

/**
 * Real test hosts as the panel's fleet: the hosts module as the panel builds it, from settings bound as Spring Boot
 * binds them, without starting a whole panel (for the transport's and the adapters' integration tests), and the
 * set-up behind {@link WithTestFleet} for whole-panel tests.
 */
public final class TestFleet {

	public static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(5);

	public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

	private TestFleet() {
	}

	/** The settings that make each test host {@code panel.hosts[i]}, named {@code host-<i>}, with a fresh data dir. */
	public static Map<String, Object> settings(List<SshTestHost> hosts) {
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("panel.data-dir", Path.of("target", "fleet-" + UUID.randomUUID()).toAbsolutePath().toString());
		settings.put("panel.commands.timeout", COMMAND_TIMEOUT.toSeconds() + "s");
		settings.put("panel.ssh.connect-timeout", CONNECT_TIMEOUT.toSeconds() + "s");
		settings.put("panel.ssh.reconnect-delay", "200ms");
		settings.put("panel.ssh.reconnect-delay-max", "1s");
		for (int i = 0; i < hosts.size(); i++) {
			settings.putAll(hosts.get(i).settings(i, name(i)));
		}
		return settings;
	}

	public static String name(int index) {
		return "host-" + index;
	}

	/** The panel's hosts for these settings; the caller installs the panel's key on the hosts it wants to log in to. */
	public static Hosts hosts(Map<String, Object> settings) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("fleet", settings));
		Binder binder = Binder.get(environment);
		CommandsProperties commands = binder.bindOrCreate("panel.commands", CommandsProperties.class);
		return new Hosts(binder.bindOrCreate("panel", HostsProperties.class), commands,
				CommandRunners.real(commands.timeout()), environment, Clock.systemUTC(), List.of());
	}

	/** The panel's {@code authorized_keys} line for each host, installed there. */
	public static void authorize(Hosts hosts, List<SshTestHost> testHosts) {
		for (int i = 0; i < testHosts.size(); i++) {
			SshHost host = hosts.remote(HostName.parse(name(i))).orElseThrow();
			testHosts.get(i).authorize(hosts.authorizedKeysLine(host));
		}
	}

	public static Host host(Hosts hosts, int index) {
		return hosts.find(HostName.parse(name(index))).orElseThrow();
	}

	/**
	 * Makes each test host of a {@link WithTestFleet} class ({@link SshHosts#of}) the panel's {@code panel.hosts[i]},
	 * named {@link #name(int)}, reconnected to within 200 ms once it answers again; registered for every test class in {@code META-INF/spring.factories}, it does nothing for
	 * the others. One customizer per class, as the hosts are.
	 */
	static final class PanelHostSettings implements ContextCustomizerFactory {

		/** So that a test whose host's sshd comes back does not wait out the panel's production back-off. */
		private static final Map<String, Object> QUICK_RECONNECTS = Map.of("panel.ssh.reconnect-delay", "100ms",
				"panel.ssh.reconnect-delay-max", "200ms");

		@Override
		public ContextCustomizer createContextCustomizer(Class<?> testClass,
				List<ContextConfigurationAttributes> configAttributes) {
			return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
				.isPresent(WithTestFleet.class) ? new HostSettings(testClass) : null;
		}

		private record HostSettings(Class<?> testClass) implements ContextCustomizer {

			@Override
			public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
				Map<String, Object> settings = new LinkedHashMap<>(QUICK_RECONNECTS);
				List<SshTestHost> all = SshHosts.of(testClass).all();
				for (int i = 0; i < all.size(); i++) {
					settings.putAll(all.get(i).settings(i, name(i)));
				}
				context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testFleet", settings));
			}

		}

	}

	/** Before each test of a {@link WithTestFleet} class, installs its panel's key on every test host. */
	static final class PanelKeyOnEveryHost implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			Hosts hosts = SpringExtension.getApplicationContext(context).getBean(Hosts.class);
			authorize(hosts, SshHosts.of(context.getRequiredTestClass()).all());
		}

	}

}
