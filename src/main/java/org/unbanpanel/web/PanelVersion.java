package org.unbanpanel.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.springframework.stereotype.Component;

/**
 * The panel's version as the build recorded it ({@code META-INF/build-info.properties}, written by the Spring Boot
 * Maven plugin's {@code build-info} goal from the POM), for {@code unban-panel --version} and the page footer
 * (fragments/layout.html finds it by its bean name).
 */
@Component("panelVersion")
public class PanelVersion {

	static final String BUILD_INFO = "META-INF/build-info.properties";

	/** Where no build wrote the file, for example classes compiled by an IDE. */
	static final String UNKNOWN = "development build";

	private final String version = current();

	/** The version, for example {@code 0.1.0}. */
	public String text() {
		return version;
	}

	/** Read without a running application, for {@code --version}. */
	public static String current() {
		try (InputStream in = PanelVersion.class.getClassLoader().getResourceAsStream(BUILD_INFO)) {
			if (in == null) {
				return UNKNOWN;
			}
			Properties build = new Properties();
			build.load(in);
			return build.getProperty("build.version", UNKNOWN);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
