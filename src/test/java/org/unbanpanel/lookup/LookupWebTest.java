package org.unbanpanel.lookup;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.unbanpanel.evidence.EvidenceService;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockPolicies;
import org.unbanpanel.testsupport.PanelWebTest;

/**
 * Put next to {@code @WebMvcTest} of the Lookup page or its API: {@link PanelWebTest}, the real {@link LookupService}
 * on a fixed clock ({@link LookupEvidence}), and mocks of the account locks, their policy and the evidence, stubbed
 * before each test to find nothing ({@link LookupEvidence#findsNothing}); a test that stubs them further takes them
 * with {@code @Autowired}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PanelWebTest
@Import({ LookupService.class, LookupEvidence.class })
@MockitoBean(types = { AccountLocks.class, EvidenceService.class, LockPolicies.class })
@ExtendWith(LookupEvidence.FindsNothing.class)
@interface LookupWebTest {

}
