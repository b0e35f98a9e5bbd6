package org.unbanpanel.web;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PanelPropertiesTests {

	@Test
	void linksAPageByItsPathWithoutABaseUrl() {
		assertThat(withBaseUrl(null).link("/jobs/12")).isEqualTo("/jobs/12");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://panel.example.org", "https://panel.example.org/", "https://panel.example.org//" })
	void linksAPageUnderTheBaseUrl(String baseUrl) {
		assertThat(withBaseUrl(baseUrl).link("/jobs/12")).isEqualTo("https://panel.example.org/jobs/12");
	}

	@Test
	void keepsThePathTheBaseUrlServesThePanelUnder() {
		assertThat(withBaseUrl("http://192.0.2.1:8080/unban-panel").link("/jobs/12"))
			.isEqualTo("http://192.0.2.1:8080/unban-panel/jobs/12");
	}

	@ParameterizedTest
	@ValueSource(strings = { "panel.example.org", "/panel", "ftp://panel.example.org", "https://panel.example.org/?x=1",
			"https://panel.example.org/#top", "javascript:alert(1)" })
	void refusesABaseUrlThatIsNoHttpAddressOfAPage(String baseUrl) {
		assertThatThrownBy(() -> withBaseUrl(baseUrl)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("panel.base-url");
	}

	private static PanelProperties withBaseUrl(String baseUrl) {
		return new PanelProperties(Path.of("."), List.of(), null, (baseUrl != null) ? URI.create(baseUrl) : null);
	}

}
