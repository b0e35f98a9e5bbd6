package org.unbanpanel.demo;

import java.nio.file.Path;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.InvalidValueException;

/**
 * The {@code demo} profile's set-up ({@link DemoSite}), done before any bean exists, since the data directory it
 * empties holds the database and the demo's settings decide which fail2ban the adapters reach. Registered in
 * {@code META-INF/spring.factories}; without the profile it does nothing.
 */
public class DemoInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	public static final String PROFILE = "demo";

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.matchesProfiles(PROFILE)) {
			return;
		}
		DemoSite site = DemoSite.start(Path.of(environment.getProperty("panel.data-dir", "./data/demo")),
				lockedAccount());
		if (context.getBeanFactory() instanceof DefaultListableBeanFactory beans) {
			// destroyed with the context, also when its start fails, which stops the demo's fail2ban-server
			beans.registerSingleton("demoSite", site);
			beans.registerDisposableBean("demoSite", site);
		}
		context.addApplicationListener(site);
		environment.getPropertySources().addFirst(new MapPropertySource("demo", site.settings()));
	}

	/**
	 * The account of whoever runs the demo: it exists on this machine, which newer faillock releases require of the
	 * user they report; {@code nobody}, which exists everywhere, when the name is not one the panel accepts.
	 */
	private static String lockedAccount() {
		try {
			return AccountName.parse(System.getProperty("user.name", "")).value();
		}
		catch (InvalidValueException ex) {
			return "nobody";
		}
	}

}
