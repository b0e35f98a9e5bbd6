package org.unbanpanel.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountLocksOnHosts;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.testsupport.AskedHosts;
import org.unbanpanel.testsupport.FixedClock;
import org.unbanpanel.testsupport.PanelWebTest;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Put next to {@code @WebMvcTest} of an accounts controller: the real {@link AccountsService} over mocks of the hosts,
 * their lock tools, the lock policies and the jobs, which the test takes with {@code @Autowired};
 * {@link Fleet#thisMachine} makes the usual fleet.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@PanelWebTest
@Import({ AccountsService.class, FixedClock.class })
@MockitoBean(types = { Hosts.class, AccountLocksOnHosts.class, AccountLocks.class, LockPolicies.class,
		JobService.class })
@interface AccountsWebTest {

	/** Fleets for the mocks. */
	final class Fleet {

		private Fleet() {
		}

		/** The host {@code mail}, reached over SSH. */
		static final HostName MAIL = HostName.parse("mail");

		/** One host, this machine, whose lock tool is {@code locks}. */
		static void thisMachine(Hosts hosts, AccountLocksOnHosts onHosts, AccountLocks locks) {
			Host local = AskedHosts.host(HostName.LOCAL);
			given(onHosts.on(local)).willReturn(locks);
			AskedHosts.asks(hosts, local);
		}

		/** This machine, whose lock tool is {@code locks}, and {@link #MAIL}, whose tool is {@code mailLocks}. */
		static void thisMachineAndMail(Hosts hosts, AccountLocksOnHosts onHosts, AccountLocks locks,
				AccountLocks mailLocks) {
			Host local = AskedHosts.host(HostName.LOCAL);
			Host mail = AskedHosts.host(MAIL);
			given(onHosts.on(local)).willReturn(locks);
			given(onHosts.on(mail)).willReturn(mailLocks);
			AskedHosts.asks(hosts, local, mail);
		}

		/** The lock tool of a host whose sshd refuses connections. */
		static AccountLocks unreachableMail() {
			AccountLocks locks = mock(AccountLocks.class);
			given(locks.backend()).willThrow(new AccountLockException(AccountLockException.Reason.UNREACHABLE,
					Explanation.of("hosts.problem.unreachable", "mail (192.0.2.25:22)", "connection refused")));
			return locks;
		}

	}

}
