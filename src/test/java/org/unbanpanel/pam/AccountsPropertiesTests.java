package org.unbanpanel.pam;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsPropertiesTests {

	@Test
	void defaultsToAutoWithPlainProgramsAndTheToolsOwnStores() {
		AccountsProperties properties = bind(Map.of());

		assertThat(properties.backend()).isEqualTo(AccountsProperties.Backend.AUTO);
		assertThat(properties.faillock().command()).containsExactly("faillock");
		assertThat(properties.faillock().dir()).isNull();
		assertThat(properties.pamTally2().command()).containsExactly("pam_tally2");
		assertThat(properties.pamTally2().file()).isNull();
	}

	@Test
	void bindsTheDocumentedSpellings() {
		AccountsProperties properties = bind(Map.of("panel.accounts.backend", "pam-tally2",
				"panel.accounts.faillock.command", "sudo,-n,/usr/sbin/faillock", "panel.accounts.faillock.dir",
				"/var/lib/faillock", "panel.accounts.pam-tally2.file", "/var/log/tallylog"));

		assertThat(properties.backend()).isEqualTo(AccountsProperties.Backend.PAM_TALLY2);
		assertThat(properties.faillock().command()).isEqualTo(List.of("sudo", "-n", "/usr/sbin/faillock"));
		assertThat(properties.faillock().dir()).isEqualTo(Path.of("/var/lib/faillock"));
		assertThat(properties.pamTally2().file()).isEqualTo(Path.of("/var/log/tallylog"));
	}

	@Test
	void bindsNone() {
		assertThat(bind(Map.of("panel.accounts.backend", "none")).backend()).isEqualTo(AccountsProperties.Backend.NONE);
	}

	private static AccountsProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("panel.accounts",
				AccountsProperties.class);
	}

}
