package org.unbanpanel.hosts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.unbanpanel.core.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fleet's settings as the panel binds them from {@code panel.*}, and every rule they are checked against. */
class HostsPropertiesTests {

	private static final String KEY = "mail.example.org ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDvJv3bZ0qz5fPnH8wF0H9r7kR7v2W8m1tYQ5mQw1n0M";

	@Test
	void defaultsToTheLocalMachineAloneAndTheDocumentedSshSettings() {
		HostsProperties properties = bind(Map.of());

		assertThat(properties.hosts()).isEmpty();
		assertThat(properties.localHost()).isTrue();
		assertThat(properties.ssh().identity()).isNull();
		assertThat(properties.ssh().from()).isEmpty();
		assertThat(properties.ssh().connectTimeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(properties.ssh().reconnectDelay()).isEqualTo(Duration.ofSeconds(1));
		assertThat(properties.ssh().reconnectDelayMax()).isEqualTo(Duration.ofMinutes(1));
		assertThat(properties.ssh().channelsPerHost()).isEqualTo(4);
		assertThat(properties.ssh().keepalive()).isEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void bindsARemoteHostWithPort22AndNoIdentityOfItsOwnByDefault() {
		HostsProperties properties = bind(host(0, "mail"));

		assertThat(properties.hosts()).singleElement().satisfies(host -> {
			assertThat(host.name()).isEqualTo(HostName.parse("mail"));
			assertThat(host.address()).isEqualTo("mail.example.org");
			assertThat(host.port()).isEqualTo(22);
			assertThat(host.user()).isEqualTo("unban-panel");
			assertThat(host.hostKey()).isEqualTo(KEY);
			assertThat(host.identity()).isNull();
		});
	}

	@Test
	void bindsEveryDocumentedSetting() {
		Map<String, String> values = host(0, "mail");
		values.put("panel.hosts[0].port", "2222");
		values.put("panel.hosts[0].identity", "/etc/unban-panel/mail_ed25519");
		values.put("panel.local-host", "false");
		values.put("panel.ssh.identity", "/var/lib/unban-panel/ssh/id_ed25519");
		values.put("panel.ssh.from", "192.0.2.10,2001:db8::/64,*.example.org,!10.0.0.1");
		values.put("panel.ssh.connect-timeout", "3s");
		values.put("panel.ssh.reconnect-delay", "200ms");
		values.put("panel.ssh.reconnect-delay-max", "30s");
		values.put("panel.ssh.channels-per-host", "1");
		values.put("panel.ssh.keepalive", "5s");

		HostsProperties properties = bind(values);

		assertThat(properties.localHost()).isFalse();
		assertThat(properties.hosts().get(0).port()).isEqualTo(2222);
		assertThat(properties.hosts().get(0).identity()).isEqualTo(Path.of("/etc/unban-panel/mail_ed25519"));
		assertThat(properties.ssh().identity()).isEqualTo(Path.of("/var/lib/unban-panel/ssh/id_ed25519"));
		assertThat(properties.ssh().from()).containsExactly("192.0.2.10", "2001:db8::/64", "*.example.org",
				"!10.0.0.1");
		assertThat(properties.ssh().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
		assertThat(properties.ssh().reconnectDelay()).isEqualTo(Duration.ofMillis(200));
		assertThat(properties.ssh().reconnectDelayMax()).isEqualTo(Duration.ofSeconds(30));
		assertThat(properties.ssh().channelsPerHost()).isEqualTo(1);
		assertThat(properties.ssh().keepalive()).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void keepsTheHostsInTheOrderGivenAndUnchangeable() {
		Map<String, String> values = host(0, "mail");
		values.putAll(host(1, "web-2"));

		List<HostsProperties.Remote> hosts = bind(values).hosts();

		assertThat(hosts).extracting(HostsProperties.Remote::name)
			.containsExactly(HostName.parse("mail"), HostName.parse("web-2"));
		assertThatThrownBy(() -> hosts.remove(0)).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void refusesTwoHostsOfOneName() {
		Map<String, String> values = host(0, "mail");
		values.putAll(host(1, "mail"));
		values.put("panel.hosts[1].address", "192.0.2.25");

		assertRefused(values, "panel.hosts: the name mail is given twice");
	}

	@Test
	void refusesAHostWithoutAName() {
		Map<String, String> values = host(0, "mail");
		values.remove("panel.hosts[0].name");

		assertRefused(values, "every entry of panel.hosts needs a name");
	}

	@Test
	void refusesTheNameLocalForARemoteHost() {
		assertRefused(host(0, "local"), "panel.hosts[local]: the name local stands for the machine the panel runs on");
	}

	@ParameterizedTest
	@ValueSource(strings = { "Mail", "mail_2", "mail.example.org", "mail 2", "a23456789012345678901234567890123",
			"mäil" })
	void refusesANameOutsideLowerCaseLettersDigitsAndDashesUpTo32(String name) {
		assertThatThrownBy(() -> bind(host(0, name))).rootCause()
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> {
				assertThat(ex.code()).isEqualTo("invalid.host.name");
				assertThat(ex.value()).isEqualTo(name);
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { "a", "mail-2", "0", "a2345678901234567890123456789012" })
	void acceptsANameOfLowerCaseLettersDigitsAndDashesUpTo32(String name) {
		assertThat(bind(host(0, name)).hosts().get(0).name().value()).isEqualTo(name);
	}

	@ParameterizedTest
	@ValueSource(strings = { "mail example.org", "mail.example.org;id", "$(id)", "mail/x", "user@mail" })
	void refusesAnAddressThatIsNoAddressNorHostName(String address) {
		Map<String, String> values = host(0, "mail");
		values.put("panel.hosts[0].address", address);

		assertRefused(values, "panel.hosts[mail].address must be an address or host name");
	}

	@Test
	void refusesAHostWithoutAnAddress() {
		Map<String, String> values = host(0, "mail");
		values.remove("panel.hosts[0].address");

		assertRefused(values, "panel.hosts[mail].address must be an address or host name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.25", "2001:db8::25", "mail.example.org", "mail_2.example.org" })
	void acceptsAnAddressOrHostName(String address) {
		Map<String, String> values = host(0, "mail");
		values.put("panel.hosts[0].address", address);

		assertThat(bind(values).hosts().get(0).address()).isEqualTo(address);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-22", "65536" })
	void refusesAPortOutsideOneTo65535(String port) {
		Map<String, String> values = host(0, "mail");
		values.put("panel.hosts[0].port", port);

		assertRefused(values, "panel.hosts[mail].port must be between 1 and 65535");
	}

	@ParameterizedTest
	@ValueSource(strings = { "1", "65535" })
	void acceptsThePortsAtTheEndsOfTheRange(String port) {
		Map<String, String> values = host(0, "mail");
		values.put("panel.hosts[0].port", port);

		assertThat(bind(values).hosts().get(0).port()).isEqualTo(Integer.parseInt(port));
	}

	@Test
	void refusesAHostWithoutAUser() {
		Map<String, String> values = host(0, "mail");
		values.remove("panel.hosts[0].user");

		assertRefused(values, "panel.hosts[mail].user is missing: the account the panel logs in as");
	}

	@ParameterizedTest
	@ValueSource(strings = { "-oProxyCommand", "root;id", "Unban", "un ban" })
	void refusesAUserThatIsNoAccountName(String user) {
		Map<String, String> values = host(0, "mail");
		values.put("panel.hosts[0].user", user);

		assertThatThrownBy(() -> bind(values)).rootCause()
			.isInstanceOfSatisfying(InvalidValueException.class, ex -> assertThat(ex.value()).isEqualTo(user));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   " })
	void refusesAHostWithoutItsHostKey(String hostKey) {
		Map<String, String> values = host(0, "mail");
		values.put("panel.hosts[0].host-key", hostKey);

		assertRefused(values, "panel.hosts[mail].host-key is missing: the panel never trusts a host key on first use");
	}

	@Test
	void refusesAHostWhoseHostKeyIsNotGiven() {
		Map<String, String> values = host(0, "mail");
		values.remove("panel.hosts[0].host-key");

		assertRefused(values, "panel.hosts[mail].host-key is missing");
	}

	@ParameterizedTest
	@ValueSource(strings = { "192.0.2.10 10.0.0.1", "\"192.0.2.10\"", "192.0.2.10\"", "a,b=c" })
	void refusesASourceThatCannotStandInAuthorizedKeysFrom(String from) {
		Map<String, String> values = new HashMap<>();
		values.put("panel.ssh.from[0]", from);

		assertRefused(values, "panel.ssh.from: '" + from + "' is not an address, network or host pattern");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1" })
	void refusesLessThanOneChannelPerHost(String channels) {
		assertRefused(Map.of("panel.ssh.channels-per-host", channels), "panel.ssh.channels-per-host must be at least 1");
	}

	/** The settings of one valid remote host as {@code panel.hosts[index]}, to change one at a time. */
	private static Map<String, String> host(int index, String name) {
		String prefix = "panel.hosts[" + index + "].";
		Map<String, String> values = new HashMap<>();
		values.put(prefix + "name", name);
		values.put(prefix + "address", "mail.example.org");
		values.put(prefix + "user", "unban-panel");
		values.put(prefix + "host-key", KEY);
		return values;
	}

	private static void assertRefused(Map<String, String> values, String message) {
		assertThatThrownBy(() -> bind(values)).rootCause()
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith(message);
	}

	private static HostsProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("panel", HostsProperties.class);
	}

}
