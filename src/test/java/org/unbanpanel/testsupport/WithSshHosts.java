package org.unbanpanel.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs other hosts of a fleet: {@link #value()} real sshd test hosts ({@link SshTestHost}, each
 * with its own account, sudoers rules and fail2ban-server), started before its {@code @BeforeAll} methods and removed
 * after it. Constructors and methods take them as {@link SshHosts}. Without root or openssh-server the class is
 * skipped with a message that says what to install (under {@code CI=true} it fails).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(SshHostsExtension.class)
public @interface WithSshHosts {

	/** How many hosts. */
	int value() default 1;

}
