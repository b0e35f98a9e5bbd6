package org.unbanpanel.hosts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.annotation.AliasFor;
import org.unbanpanel.testsupport.WithSshHosts;

/**
 * A whole-panel test ({@code @PanelOnRealTools}, declared after this) whose panel has {@link #value()} real sshd test
 * hosts ({@link WithSshHosts}) as {@code panel.hosts[i]}, named {@link TestFleet#name(int)}, and whose key is
 * installed on each of them before every test.
 *
 * <pre>
 * &#64;WithTestFleet(2)
 * &#64;PanelOnRealTools(users = { "admin", "ADMIN" }, pam = false)
 * class FleetReleaseIntegrationTests {
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WithSshHosts
@ExtendWith(TestFleet.PanelKeyOnEveryHost.class)
public @interface WithTestFleet {

	/** How many hosts besides the local one. */
	@AliasFor(annotation = WithSshHosts.class)
	int value() default 1;

}
