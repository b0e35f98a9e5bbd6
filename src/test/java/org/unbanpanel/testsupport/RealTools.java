package org.unbanpanel.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A private fail2ban-server and a real PAM lockout for one test class, started before its {@code @BeforeAll} methods
 * and removed after it, even when a test failed:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final RealTools tools = new RealTools();
 *
 * &#64;DynamicPropertySource
 * static void panel(DynamicPropertyRegistry registry) {
 *     tools.configurePanel(registry, "alice", "ADMIN");
 * }
 * </pre>
 */
public final class RealTools implements BeforeAllCallback, AfterAllCallback {

	private Fail2banServer fail2ban;

	private PamLockout pam;

	@Override
	public void beforeAll(ExtensionContext context) {
		pam = PamLockout.create();
		fail2ban = Fail2banServer.start();
	}

	/** Removes the PAM service file and test user even when stopping fail2ban fails. */
	@Override
	public void afterAll(ExtensionContext context) {
		try {
			if (fail2ban != null) {
				fail2ban.close();
			}
		}
		finally {
			if (pam != null) {
				pam.close();
			}
		}
	}

	public Fail2banServer fail2ban() {
		return fail2ban;
	}

	public PamLockout pam() {
		return pam;
	}

	/**
	 * A whole panel on both tools ({@link TestPanel#useTools}) with these users ({@link TestPanel#users}).
	 * @param namesAndRoles a user name, its role, the next name, its role, …
	 */
	public void configurePanel(DynamicPropertyRegistry registry, String... namesAndRoles) {
		TestPanel.useTools(registry, this::fail2ban, () -> pam.tallyDir());
		TestPanel.users(registry, namesAndRoles);
	}

}
