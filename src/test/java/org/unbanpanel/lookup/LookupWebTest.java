package org.unbanpanel.lookup;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.unbanpanel.evidence.EvidenceService;
import org.unbanpanel.fail2ban.Fail2bans;
import org.unbanpanel.hosts.Hosts;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.AccountLocksOnHosts;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.testsupport.PanelWebTest;

/**
 * Put next to {@code @WebMvcTest} of the Lookup page or its API: {@link PanelWebTest}, the real {@link LookupService}
 * on a fixed clock ({@link LookupEvidence}), and mocks of the account locks, their policy and the evidence, stubbed
 * before each test to find nothing ({@link LookupEvidence#findsNothing}), and of the hosts, stubbed to be the local
 * machine alone, whose fail2ban and account locks are those mocks ({@link LookupEvidence#localOnly}); a test that stubs them further takes them
 * with {@code @Autowired}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PanelWebTest
@Import({ LookupService.class, LookupEvidence.class })
@MockitoBean(types = { AccountLocks.class, EvidenceService.class, LockPolicies.class, Hosts.class, Fail2bans.class,
		AccountLocksOnHosts.class })
@ExtendWith(LookupEvidence.FindsNothing.class)
@interface LookupWebTest {

}
