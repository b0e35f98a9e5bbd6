package org.unbanpanel.security;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.unbanpanel.hosts.RemoteRunnerWrapper;
import org.unbanpanel.hosts.TestFleet;
import org.unbanpanel.hosts.WithTestFleet;
import org.unbanpanel.testsupport.RealTools;
import org.unbanpanel.testsupport.SshHosts;
import org.unbanpanel.testsupport.SshTestHost;

/**
 * The whole hostile-input suite again, on a panel whose fleet holds a remote host besides this machine: a real sshd
 * ({@link SshTestHost}) with its own account, sudoers rules and fail2ban-server, holding the suite's ban in two jails
 * of its own. Every value is posted for every host (the form's and the API's default), so a value that got past the
 * checks would be queued for the remote host too. Besides what the suite checks here, each test checks that the
 * remote host's bans are as they were and that no command the panel sent there (recorded as the panel hands it to the
 * host's runner) carried the value. The test host shares this machine's file system, so the sentinel file that a
 * payload run by the host's account would create is the one the suite already checks after each test.
 */
@WithTestFleet(1)
@Import({ HostileInputIntegrationTests.RecordCommands.class, RemoteHostileInputIntegrationTests.RecordRemoteCommands.class })
class RemoteHostileInputIntegrationTests extends HostileInputIntegrationTests {

	private final SshTestHost far;

	RemoteHostileInputIntegrationTests(RealTools tools, SshHosts testHosts) {
		super(tools);
		this.far = testHosts.get(0);
	}

	@BeforeAll
	static void banOnTheRemoteHost(SshHosts testHosts) {
		testHosts.get(0).fail2ban().ban("sshd", BANNED);
		testHosts.get(0).fail2ban().ban("dovecot", BANNED);
		// the two admins' race releases it on both hosts: one job finds it banned on each, the other on neither
		testHosts.get(0).fail2ban().ban("dovecot", RACED);
	}

	/** Every host ticked, as the form first shows them. */
	@Override
	Map<String, String> unblockFields(String ips, String accounts) {
		return Map.of("ips", ips, "accounts", accounts, "hosts", "local," + TestFleet.name(0));
	}

	/** The remote host: a value that got past the checks would be reset there. */
	@Override
	String resetHost() {
		return TestFleet.name(0);
	}

	@Override
	String otherHostsBans() {
		return far.fail2ban().client(List.of("banned"));
	}

	/** Records every command the panel sends to the remote host, as the local ones are. */
	@TestConfiguration
	static class RecordRemoteCommands {

		@Bean
		RemoteRunnerWrapper recordingRemoteRunner() {
			return (host, runner) -> (command, extraTime) -> {
				commands.add(List.copyOf(command));
				return runner.run(command, extraTime);
			};
		}

	}

}
