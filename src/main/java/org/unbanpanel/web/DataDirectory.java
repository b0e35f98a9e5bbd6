package org.unbanpanel.web;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Makes {@code panel.data-dir} absolute, against the working directory, before anything reads it. H2 refuses a
 * database URL whose file path is relative without {@code ./} ({@code --panel.data-dir=data} would stop the panel
 * with its stack trace), and every other user of the folder then sees the same path as the database.
 */
class DataDirectory implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY = "panel.data-dir";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		String configured = environment.getProperty(PROPERTY);
		if (configured == null || configured.isBlank()) {
			return;
		}
		String absolute = Path.of(configured).toAbsolutePath().normalize().toString();
		if (!absolute.equals(configured)) {
			environment.getPropertySources()
				.addFirst(new MapPropertySource("panelDataDirAbsolute", Map.of(PROPERTY, absolute)));
		}
	}

	/** After the configuration files and the command line are read. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
