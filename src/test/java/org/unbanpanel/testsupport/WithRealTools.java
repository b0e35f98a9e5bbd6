package org.unbanpanel.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that needs the real tools: a private fail2ban-server (and, if asked, a real PAM lockout) started
 * before its {@code @BeforeAll} methods and removed after it, even when a test failed. Constructors and test or
 * lifecycle methods take them as a parameter: {@link RealTools}, {@link Fail2banServer} or {@link PamLockout}. Without
 * the tools the class is skipped with a message that says what to install (under {@code CI=true} it fails). For a
 * whole panel on the tools, use {@link PanelOnRealTools}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RealToolsExtension.class)
public @interface WithRealTools {

	/** Which fail2ban-server to start (default: the six MaadiX jails with the dummy action). */
	Fail2banSetUp fail2ban() default Fail2banSetUp.MAADIX_JAILS;

	/** Whether to create a PAM lockout too: a test user, a pam_faillock service and its tally directory. */
	boolean pam() default false;

	/** The private fail2ban-servers {@link WithRealTools} can start. */
	enum Fail2banSetUp {

		/** The six MaadiX jails, {@code banaction = dummy} (one shell per ban and unban). */
		MAADIX_JAILS,
		/** The same jails with an action that runs no command, for setting up very many bans quickly. */
		SILENT_ACTIONS,
		/**
		 * Only the shipped {@code unban-panel} jail ({@link RealTools#PANEL_JAIL}, {@code config/fail2ban/}) on a new
		 * auth log ({@link RealTools#authLog()}), which a panel on the tools writes.
		 */
		PANEL_JAIL,
		/**
		 * The six MaadiX jails, three of them on real service lines with the filters of Debian's fail2ban package:
		 * sshd, dovecot and sasl on {@code sshd}, {@code dovecot} and {@code postfix[mode=auth]} and their log files
		 * ({@link Fail2banServer#logFile}), ssh-ddos on {@code sshd} and {@code backend = systemd}, reading the journal
		 * files of a folder of its own ({@link RealTools#journal()}).
		 */
		DEBIAN_FILTERS,
		/** No fail2ban-server, for a class that needs only the PAM lockout. */
		NONE

	}

}
