package org.unbanpanel.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * The settings of a whole panel in a test, read when Spring starts it: on the real tools ({@link PanelOnRealTools}),
 * after {@link RealToolsExtension} has started them (with {@link WithWebhookReceiver}, sending its notices to the
 * class's receiver), or without tools ({@link PanelWithoutTools}). The customizer is
 * one per test class, so that no two classes share a cached panel: each runs on tools of its own, and keeps its own
 * data directory, audit trail and sign-in throttle.
 */
class PanelSettings implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		MergedAnnotations annotations = annotations(testClass);
		return (annotations.isPresent(PanelOnRealTools.class) || annotations.isPresent(PanelWithoutTools.class))
				? new Customizer(testClass) : null;
	}

	private static MergedAnnotations annotations(Class<?> testClass) {
		return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY);
	}

	private record Customizer(Class<?> testClass) implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
			MergedAnnotations annotations = annotations(testClass);
			Settings settings = new Settings();
			if (annotations.isPresent(PanelOnRealTools.class)) {
				onRealTools(annotations.get(PanelOnRealTools.class).synthesize(), settings);
			}
			else {
				withoutTools(annotations.get(PanelWithoutTools.class).synthesize(), settings);
			}
			context.getEnvironment().getPropertySources().addFirst(settings);
		}

		private void onRealTools(PanelOnRealTools panel, Settings settings) {
			Supplier<RealTools> tools = () -> RealToolsExtension.toolsOf(testClass);
			if (panel.pam()) {
				TestPanel.useTools(settings, () -> tools.get().fail2ban(), () -> tools.get().pamTallyDir());
				settings.add("panel.accounts.policy.service", () -> tools.get().pam().service());
			}
			else {
				TestPanel.useFail2ban(settings, () -> tools.get().fail2ban());
			}
			if (panel.fail2ban() == WithRealTools.Fail2banSetUp.PANEL_JAIL) {
				settings.add("panel.security.auth-log", () -> tools.get().authLog().toString());
			}
			if (panel.fail2ban() == WithRealTools.Fail2banSetUp.DEBIAN_FILTERS) {
				settings.add("panel.evidence.journal-directory", () -> tools.get().journal().toString());
			}
			TestPanel.users(settings, panel.users());
			TestPanel.readsUnshared(settings, List.of(panel.properties()));
			if (annotations(testClass).isPresent(WithWebhookReceiver.class)) {
				webhook(settings);
			}
		}

		private void webhook(Settings settings) {
			settings.add("panel.notify.webhooks[0].url", () -> WebhookReceiverExtension.receiverOf(testClass).url());
			String secret = WebhookReceiverExtension.annotation(testClass).secret();
			if (!secret.isEmpty()) {
				settings.add("panel.notify.webhooks[0].secret", () -> secret);
			}
		}

		private static void withoutTools(PanelWithoutTools panel, Settings settings) {
			TestPanel.withoutTools(settings);
			if (panel.behindTestProxy()) {
				TestPanel.behindTestProxy(settings);
			}
			TestPanel.users(settings, panel.users());
		}

	}

	/** Settings whose values are asked for only when the panel reads them. */
	private static final class Settings extends EnumerablePropertySource<Map<String, Supplier<Object>>>
			implements DynamicPropertyRegistry {

		Settings() {
			super("testPanel", new LinkedHashMap<>());
		}

		@Override
		public void add(String name, Supplier<Object> valueSupplier) {
			getSource().put(name, valueSupplier);
		}

		@Override
		public String[] getPropertyNames() {
			return getSource().keySet().toArray(String[]::new);
		}

		@Override
		public Object getProperty(String name) {
			Supplier<Object> value = getSource().get(name);
			return (value != null) ? value.get() : null;
		}

	}

}
