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
 * A whole panel on a random port without tools, for tests of sign-in and web rules: fail2ban-client is missing (every
 * page shows the banner), there is no account-lock backend, its data directory is new, and its users are
 * {@link #users()}, all with {@link TestPanel#PASSWORD}. Each test class gets a panel of its own.
 *
 * <pre>
 * &#64;PanelWithoutTools(users = { "alice", "ADMIN" }, behindTestProxy = true)
 * class SignInAuditIntegrationTests {
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextCustomizerFactories(PanelSettings.class)
public @interface PanelWithoutTools {

	/** A user name, its role ({@code ADMIN} or {@code OPERATOR}), the next name, its role, …; none by default. */
	String[] users() default {};

	/**
	 * Whether the test is the panel's trusted reverse proxy, so that each request may name its client address in
	 * {@code X-Forwarded-For}: tests of per-address rules choose their own addresses.
	 */
	boolean behindTestProxy() default false;

	/** Further panel settings, {@code key=value}. */
	@AliasFor(annotation = SpringBootTest.class)
	String[] properties() default {};

}
