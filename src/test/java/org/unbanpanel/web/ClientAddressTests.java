package org.unbanpanel.web;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientAddressTests {

	private final ClientAddress behindProxy = new ClientAddress(
			new PanelProperties(Path.of("."), List.of("127.0.0.1", "10.0.0.0/8"), null, null));

	@Test
	void takesThePeerWhenNoProxyIsTrusted() {
		ClientAddress direct = new ClientAddress(new PanelProperties(Path.of("."), List.of(), null, null));

		assertThat(direct.of(request("127.0.0.1", "198.51.100.1"))).isEqualTo("127.0.0.1");
	}

	@Test
	void believesForwardedForFromATrustedProxy() {
		assertThat(behindProxy.of(request("127.0.0.1", "203.0.113.7"))).isEqualTo("203.0.113.7");
	}

	@Test
	void ignoresForwardedForFromAnUntrustedPeer() {
		assertThat(behindProxy.of(request("198.51.100.20", "203.0.113.7"))).isEqualTo("198.51.100.20");
	}

	@Test
	void stopsAtTheFirstHopThatIsNotATrustedProxy() {
		// the client forged the first entry; our proxies appended the real hops after it
		assertThat(behindProxy.of(request("127.0.0.1", "192.0.2.66, 203.0.113.7, 10.1.2.3"))).isEqualTo("203.0.113.7");
	}

	@Test
	void ignoresAForwardedValueThatIsNoAddress() {
		assertThat(behindProxy.of(request("127.0.0.1", "evil.example, 1.2.3.4;id"))).isEqualTo("127.0.0.1");
	}

	@Test
	void writesIpv6InCanonicalForm() {
		assertThat(behindProxy.of(request("127.0.0.1", "2001:DB8:0:0:0:0:0:6"))).isEqualTo("2001:db8::6");
	}

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		request.addHeader("X-Forwarded-For", forwardedFor);
		return request;
	}

}
