package org.unbanpanel.pam;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.unbanpanel.exec.CommandResult;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/** Another host's account locks, its tool found on the host. */
class AccountLocksOnHostsTests {

	@Test
	void saysWhichHostHasNoLockToolAndWhereToNameOne() {
		Host mail = mock(Host.class);
		given(mail.name()).willReturn(HostName.parse("mail"));
		given(mail.isLocal()).willReturn(false);
		given(mail.runner()).willReturn((command, extraTime) -> new CommandResult(1, "", "", false));
		given(mail.settings("accounts", AccountsProperties.class)).willReturn(
				new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("panel.accounts",
						AccountsProperties.class));

		AccountLocks locks = new AccountLocksOnHosts(new NoAccountLocks()).on(mail);

		assertThatExceptionOfType(AccountLockException.class).isThrownBy(locks::all)
			.satisfies(ex -> assertThat(ex.explanation().english())
				.isEqualTo("neither faillock nor pam_tally2 was found or configured on mail"
						+ " (its accounts.backend in panel.hosts)"));
	}

}
