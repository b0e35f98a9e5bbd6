package org.unbanpanel.health;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.unbanpanel.testsupport.MachineAddress;
import org.unbanpanel.testsupport.PanelWithoutTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The management port opened to every interface (management.server.address: 0.0.0.0, against the default): a
 * request that comes from another address without signing in still gets a bare 401 and nothing of the panel's state.
 */
@PanelWithoutTools(properties = "management.server.address=0.0.0.0")
class ManagementFromElsewhereIntegrationTests {

	@LocalManagementPort
	private int managementPort;

	@Test
	void anAnonymousRequestFromElsewhereGetsNothing() throws Exception {
		InetAddress elsewhere = MachineAddress.nonLoopback();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

		for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/liveness",
				"/actuator/health/fail2ban", "/actuator/prometheus")) {
			HttpResponse<String> response = http.send(HttpRequest
				.newBuilder(URI.create("http://" + elsewhere.getHostAddress() + ":" + managementPort + path))
				.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).as(path).isEqualTo(401);
			assertThat(response.body()).as(path).isEmpty();
		}
	}

}
