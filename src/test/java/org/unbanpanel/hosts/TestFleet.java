package org.unbanpanel.hosts;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.exec.CommandsProperties;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;

/**
 * The hosts module as the panel builds it, from settings bound as Spring Boot binds them, over real test hosts,
 * without starting a whole panel: for the transport's and the adapters' integration tests.
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

	/**
	 * Registers each test host of the class ({@link SshHosts#of}) as {@code panel.hosts[i]}, named {@link #name(int)}:
	 * the body of a whole-panel test's {@code @DynamicPropertySource}.
	 */
	public static void register(Class<?> testClass, DynamicPropertyRegistry registry) {
		List<SshTestHost> all = SshHosts.of(testClass).all();
		for (int i = 0; i < all.size(); i++) {
			all.get(i).settings(i, name(i)).forEach((key, value) -> registry.add(key, () -> value));
		}
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

}
