package org.unbanpanel.metrics;

import java.util.List;

import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tags of the command lines the adapters build (see the sudoers rules), without any value in them. */
class CommandTagsTests {

	@Test
	void namesFail2banCommandsWithoutJailsOrAddresses() {
		assertThat(tags("sudo", "-n", "/usr/bin/fail2ban-client", "--", "version")).containsExactly("fail2ban-client",
				"version");
		assertThat(tags("fail2ban-client", "--", "status")).containsExactly("fail2ban-client", "status");
		assertThat(tags("fail2ban-client", "--", "status", "sshd", "short")).containsExactly("fail2ban-client",
				"status-jail");
		assertThat(tags("fail2ban-client", "--", "get", "sshd", "banip", "--with-time")).containsExactly("fail2ban-client",
				"get-banip");
		assertThat(tags("fail2ban-client", "--", "set", "sshd", "addignoreip", "192.0.2.1")).containsExactly(
				"fail2ban-client", "set-addignoreip");
		assertThat(tags("/usr/bin/fail2ban-client", "-c", "/x/conf", "-s", "/x/s", "--", "unban", "192.0.2.1",
				"2001:db8::1")).containsExactly("fail2ban-client", "unban");
	}

	@Test
	void namesTheReadsOfAJailsSettingsAndOfTheJournalWithoutJailsOrAddresses() {
		assertThat(tags("fail2ban-client", "--", "get", "dovecot", "maxretry")).containsExactly("fail2ban-client",
				"get-maxretry");
		assertThat(tags("fail2ban-client", "--", "get", "sshd", "bantime.increment")).containsExactly("fail2ban-client",
				"get-bantime.increment");
		assertThat(tags("sudo", "-n", "/usr/bin/fail2ban-client", "--", "get", "logtarget"))
			.containsExactly("fail2ban-client", "get-logtarget");
		assertThat(tags("journalctl", "--no-pager", "--output=json", "--grep=203\\.0\\.113\\.7", "_SYSTEMD_UNIT=sshd.service"))
			.containsExactly("journalctl", "read");
		assertThat(tags("cat", "--", "/etc/pam.d/sshd")).as("another host's PAM settings")
			.containsExactly("cat", "read");
	}

	@Test
	void namesLockToolRunsByWhatTheyDo() {
		assertThat(tags("sudo", "-n", "/usr/sbin/faillock", "--dir", "/var/run/faillock")).containsExactly("faillock",
				"list");
		assertThat(tags("faillock", "--user", "alice")).containsExactly("faillock", "user");
		assertThat(tags("/sbin/pam_tally2", "--file", "/var/log/tallylog", "--user", "bob", "--reset"))
			.containsExactly("pam_tally2", "reset");
	}

	@Test
	void anythingElseIsOther() {
		assertThat(tags("/bin/true")).containsExactly("true", "other");
		assertThat(tags("fail2ban-client", "--", "192.0.2.1")).containsExactly("fail2ban-client", "other");
	}

	private static List<String> tags(String... command) {
		return CommandTags.of(List.of(command)).stream().sorted((a, b) -> b.getKey().compareTo(a.getKey()))
			.map(Tag::getValue)
			.toList();
	}

}
