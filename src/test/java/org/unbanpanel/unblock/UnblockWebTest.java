package org.unbanpanel.unblock;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.jobs.JobService;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.testsupport.PanelWebTest;
import org.unbanpanel.trust.TrustPolicy;
import org.unbanpanel.trust.TrustProperties;

import static org.mockito.BDDMockito.given;

/**
 * Put next to {@code @WebMvcTest} of the Unblock Access form or its API: {@link PanelWebTest}, the real validator and
 * trust choices, and mocks of the jobs service and of the account locks, which manage locks on a fleet of the local
 * machine alone unless a test says otherwise ({@link AccountLocksManaged}); a test takes them with {@code @Autowired}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PanelWebTest
@Import({ UnblockValidator.class, TrustPolicy.class })
@EnableConfigurationProperties({ UnblockProperties.class, TrustProperties.class })
@MockitoBean(types = { AccountLocks.class, JobService.class })
@ExtendWith(UnblockWebTest.AccountLocksManaged.class)
@interface UnblockWebTest {

	/**
	 * Before each test, the account-lock mock says a tool keeps locks, so the form offers the accounts field, and the
	 * jobs mock says the fleet is the local machine alone, as on a panel without {@code panel.hosts}.
	 */
	final class AccountLocksManaged implements BeforeEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			ApplicationContext panel = SpringExtension.getApplicationContext(context);
			given(panel.getBean(AccountLocks.class).managed()).willReturn(true);
			given(panel.getBean(JobService.class).hosts()).willReturn(List.of(HostName.LOCAL));
		}

	}

}
