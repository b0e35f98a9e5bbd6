package org.unbanpanel.pam;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the panel reads how PAM locks accounts. The files are world-readable on Debian: no sudo is needed.
 *
 * @param service the PAM service whose stack decides the locks (default {@code sshd}, whose stack includes
 * {@code common-auth}); its file is {@code <pamDir>/<service>}
 * @param pamDir the PAM configuration folder (default {@code /etc/pam.d})
 * @param faillockConf pam_faillock's own settings, which the stack's arguments override (default
 * {@code /etc/security/faillock.conf}; a {@code conf=} argument in the stack names another)
 */
@ConfigurationProperties("panel.accounts.policy")
record LockPolicyProperties(@DefaultValue("sshd") String service, @DefaultValue("/etc/pam.d") Path pamDir,
		@DefaultValue("/etc/security/faillock.conf") Path faillockConf) {
}
