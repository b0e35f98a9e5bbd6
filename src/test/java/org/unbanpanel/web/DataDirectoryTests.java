package org.unbanpanel.web;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class DataDirectoryTests {

	@Test
	void resolvesARelativeFolderAgainstTheWorkingDirectory() {
		MockEnvironment environment = new MockEnvironment().withProperty(DataDirectory.PROPERTY, "data");

		postProcess(environment);

		assertThat(environment.getProperty(DataDirectory.PROPERTY))
			.isEqualTo(Path.of("").toAbsolutePath().resolve("data").toString());
	}

	@Test
	void keepsAnAbsoluteFolder() {
		MockEnvironment environment = new MockEnvironment().withProperty(DataDirectory.PROPERTY, "/var/lib/unban-panel");

		postProcess(environment);

		assertThat(environment.getProperty(DataDirectory.PROPERTY)).isEqualTo("/var/lib/unban-panel");
		assertThat(environment.getPropertySources().contains("panelDataDirAbsolute")).isFalse();
	}

	@Test
	void leavesAnUnsetFolderToItsDefault() {
		MockEnvironment environment = new MockEnvironment();

		postProcess(environment);

		assertThat(environment.getProperty(DataDirectory.PROPERTY)).isNull();
	}

	@Test
	void resolvesThePlaceholdersThatUseTheFolder() {
		MockEnvironment environment = new MockEnvironment().withProperty(DataDirectory.PROPERTY, "./data")
			.withProperty("url", "jdbc:h2:file:${panel.data-dir}/unban-panel");

		postProcess(environment);

		assertThat(environment.getProperty("url"))
			.isEqualTo("jdbc:h2:file:" + Path.of("").toAbsolutePath().resolve("data") + "/unban-panel");
	}

	private static void postProcess(MockEnvironment environment) {
		new DataDirectory().postProcessEnvironment(environment, new SpringApplication());
	}

}
