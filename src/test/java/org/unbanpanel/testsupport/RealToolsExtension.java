package org.unbanpanel.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.unbanpanel.demo.PrivateFail2ban;
import org.unbanpanel.testsupport.Fail2banServer.PackagedFilter;

/**
 * Starts and removes the tools of {@link WithRealTools} for each test class, and hands them to its constructor and
 * methods. A panel on the tools ({@link PanelOnRealTools}) reads them through {@link #toolsOf}.
 */
final class RealToolsExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {

	private static final Path SHIPPED = Path.of("config/fail2ban");

	private static final Map<Class<?>, RealTools> RUNNING = new ConcurrentHashMap<>();

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		WithRealTools wanted = MergedAnnotations.from(context.getRequiredTestClass(),
				MergedAnnotations.SearchStrategy.TYPE_HIERARCHY).get(WithRealTools.class).synthesize();
		PamLockout pam = wanted.pam() ? PamLockout.create() : null;
		try {
			RUNNING.put(context.getRequiredTestClass(), start(wanted.fail2ban(), pam));
		}
		catch (RuntimeException | IOException | Error ex) {
			if (pam != null) {
				pam.close();
			}
			throw ex;
		}
	}

	private static RealTools start(WithRealTools.Fail2banSetUp setUp, PamLockout pam) throws IOException {
		return switch (setUp) {
			case NONE -> new RealTools(null, pam, null, null);
			case MAADIX_JAILS -> new RealTools(Fail2banServer.start(), pam, null, null);
			case SILENT_ACTIONS -> new RealTools(Fail2banServer.startWithSilentActions(), pam, null, null);
			case DEBIAN_FILTERS -> {
				Path journal = Files.createDirectories(
						Path.of("target", "journal-" + UUID.randomUUID()).toAbsolutePath());
				yield new RealTools(Fail2banServer.start(PackagedFilter.onLogFile("sshd", "sshd"),
						PackagedFilter.onLogFile("dovecot", "dovecot"),
						PackagedFilter.onLogFile("sasl", "postfix[mode=auth]"),
						PackagedFilter.onJournal("ssh-ddos", "sshd", journal)), pam, null, journal);
			}
			case PANEL_JAIL -> {
				Path directory = Files.createDirectories(
						Path.of("target", "panel-jail-" + UUID.randomUUID()).toAbsolutePath());
				Path authLog = Files.createFile(directory.resolve("auth.log"));
				yield new RealTools(Fail2banServer.start(new PrivateFail2ban.ExtraJail(RealTools.PANEL_JAIL,
						SHIPPED.resolve("filter.d/unban-panel.conf"), SHIPPED.resolve("jail.d/unban-panel.conf"),
						authLog)), pam, authLog, null);
			}
		};
	}

	/** Removes the PAM service file and test user even when stopping fail2ban fails. */
	@Override
	public void afterAll(ExtensionContext context) {
		RealTools tools = RUNNING.remove(context.getRequiredTestClass());
		if (tools == null) {
			return;
		}
		try {
			if (tools.hasFail2ban()) {
				tools.fail2ban().close();
			}
			tools.removeJournal();
		}
		finally {
			if (tools.hasPam()) {
				tools.pam().close();
			}
		}
	}

	/** Tells the tools the port of the class's panel, once Spring has started it. */
	@Override
	public void beforeEach(ExtensionContext context) {
		if (MergedAnnotations.from(context.getRequiredTestClass(), MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
			.isPresent(PanelOnRealTools.class)) {
			Integer port = SpringExtension.getApplicationContext(context)
				.getEnvironment()
				.getProperty("local.server.port", Integer.class);
			toolsOf(context.getRequiredTestClass()).panelPort(port);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		Class<?> type = parameter.getParameter().getType();
		return type == RealTools.class || type == Fail2banServer.class || type == PamLockout.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		RealTools tools = toolsOf(context.getRequiredTestClass());
		Class<?> type = parameter.getParameter().getType();
		return (type == RealTools.class) ? tools : (type == Fail2banServer.class) ? tools.fail2ban() : tools.pam();
	}

	static RealTools toolsOf(Class<?> testClass) {
		RealTools tools = RUNNING.get(testClass);
		if (tools == null) {
			throw new IllegalStateException("The real tools of " + testClass.getSimpleName() + " are not running");
		}
		return tools;
	}

}
