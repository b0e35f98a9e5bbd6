package org.unbanpanel.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.unbanpanel.fail2ban.Fail2ban;
import org.unbanpanel.fail2ban.Fail2banHealth;
import org.unbanpanel.security.SecurityConfig;
import org.unbanpanel.security.totp.TotpEnrolments;
import org.unbanpanel.web.ClientAddress;
import org.unbanpanel.web.PanelProperties;
import org.unbanpanel.web.PanelTime;
import org.unbanpanel.web.PanelVersion;
import org.unbanpanel.web.Problems;

/**
 * Put next to {@code @WebMvcTest}: brings in what every page needs beyond its controller (the security rules, the
 * client address, the fail2ban banner, the version in the footer, the times and the API problems), so that controller
 * tests see the real sign-in and role rules. Nobody has a TOTP enrolment (a mock store), and fail2ban is a mock: a test
 * that stubs it takes it with {@code @Autowired}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Import({ SecurityConfig.class, ClientAddress.class, Fail2banHealth.class, PanelVersion.class, PanelTime.class,
		Problems.class })
@EnableConfigurationProperties(PanelProperties.class)
@TestPropertySource(properties = { "panel.data-dir=target/test-data", "panel.time-zone=UTC" })
@MockitoBean(types = { TotpEnrolments.class, Fail2ban.class })
public @interface PanelWebTest {

}
