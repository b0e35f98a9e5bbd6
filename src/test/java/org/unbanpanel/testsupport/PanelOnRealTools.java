package org.unbanpanel.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.ContextCustomizerFactories;

/**
 * A whole panel on a random port, running on the real tools of {@link WithRealTools}: its fail2ban command is the
 * private server's, its account locks are faillock over the PAM lockout's tally directory and its lock policy the
 * lockout's PAM service (with {@link #pam()}), the evidence of a journal jail the set-up's journal folder, its data
 * directory is new, and its users are {@link #users()}, all with {@link TestPanel#PASSWORD}. The test class takes
 * {@link RealTools} as a constructor parameter; {@link RealTools#browser()} talks to the panel.
 *
 * <pre>
 * &#64;PanelOnRealTools(users = { "alice", "ADMIN", "noc", "OPERATOR" })
 * class LookupIntegrationTests {
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithRealTools
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(PanelSettings.class)
public @interface PanelOnRealTools {

	/** A user name, its role ({@code ADMIN} or {@code OPERATOR}), the next name, its role, … */
	String[] users();

	@AliasFor(annotation = WithRealTools.class)
	WithRealTools.Fail2banSetUp fail2ban() default WithRealTools.Fail2banSetUp.MAADIX_JAILS;

	@AliasFor(annotation = WithRealTools.class)
	boolean pam() default true;

	/** Further panel settings, {@code key=value}. */
	@AliasFor(annotation = SpringBootTest.class)
	String[] properties() default {};

}
