package org.unbanpanel.lookup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.unbanpanel.evidence.Evidence;
import org.unbanpanel.evidence.EvidenceService;
import org.unbanpanel.evidence.History;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountLocksOnHosts;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.pam.LockPolicy;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.testsupport.AskedHosts;
import org.unbanpanel.testsupport.FixedClock;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;

/** What the lookup tests need of the evidence side: a fixed clock, and an evidence mock that finds nothing. */
@TestConfiguration(proxyBeanMethods = false)
@Import(FixedClock.class)
class LookupEvidence {

	static final Instant NOW = FixedClock.NOW;

	/**
	 * Stubs the mocks of a lookup test: no line behind any ban and no ban in the history, faillock with no failure of
	 * any account, locking after 3 failures for 10 minutes.
	 */
	static void findsNothing(EvidenceService evidence, AccountLocks accountLocks, LockPolicies policies) {
		findsNothing(evidence);
		given(accountLocks.backend()).willReturn("faillock");
		given(accountLocks.status(any())).willAnswer(call -> new LockRecord(call.getArgument(0).toString(), 0, null, ""));
		given(policies.on(any(), any())).willReturn(new LockPolicy(LockPolicy.FAILLOCK, 3, Duration.ofMinutes(10),
				Duration.ofMinutes(15), false, Duration.ofMinutes(10), List.of("/etc/pam.d/common-auth")));
	}

	/** {@link #findsNothing} before each test, on the mocks of the test's Spring context ({@link LookupWebTest}). */
	static final class FindsNothing implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			ApplicationContext spring = SpringExtension.getApplicationContext(context);
			findsNothing(spring.getBean(EvidenceService.class), spring.getBean(AccountLocks.class),
					spring.getBean(LockPolicies.class));
			localOnly(spring.getBean(Hosts.class), spring.getBean(Fail2bans.class), spring.getBean(Fail2ban.class),
					spring.getBean(AccountLocksOnHosts.class), spring.getBean(AccountLocks.class));
		}

	}

	/**
	 * Stubs the hosts to be {@code hosts} ({@link #host}), asked as {@code Hosts.ask} asks them (a host that throws
	 * an explained failure answers with it); the local one's fail2ban and account locks are {@code fail2ban} and
	 * {@code accountLocks}.
	 */
	static void localOnly(Hosts hosts, Fail2bans fail2bans, Fail2ban fail2ban, AccountLocksOnHosts locksOnHosts,
			AccountLocks accountLocks) {
		Host local = AskedHosts.host(HostName.LOCAL);
		given(fail2bans.on(local)).willReturn(fail2ban);
		given(locksOnHosts.on(local)).willReturn(accountLocks);
		AskedHosts.asks(hosts, local);
	}

	private static void findsNothing(EvidenceService evidence) {
		given(evidence.explain(any(), anyList())).willAnswer(call -> {
			List<EvidenceService.CurrentBan> bans = call.getArgument(1);
			List<Evidence> none = bans.stream().map(ban -> empty(ban.jail())).toList();
			return new EvidenceService.Explanation(none, new History(call.getArgument(0).toString(),
					Duration.ofDays(30), List.of(), 0, List.of(), null, List.of(), null, null));
		});
	}

	private static Evidence empty(String jail) {
		return new Evidence(jail, "203.0.113.7", NOW, Duration.ofMinutes(10), 0, null, null, List.of(), List.of(),
				List.of(), 0, 0, List.of("/var/log/mail.log"), List.of(), null, null);
	}

}
