package org.unbanpanel.security.lockout;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class KnownDevicesTests {

	private final KnownDevices devices = new KnownDevices();

	@Test
	void aDeviceCookieProvesOneNameOnlyAndOnlyUntilARestart() {
		String cookie = issued(new MockHttpServletRequest(), "name alice");

		assertThat(devices.device(cookie, "name alice")).isPresent();
		assertThat(devices.device(cookie, "name bob")).isEmpty();
		assertThat(new KnownDevices().device(cookie, "name alice")).as("after a restart").isEmpty();
		assertThat(devices.device(cookie.substring(0, cookie.length() - 1) + "x", "name alice")).isEmpty();
		assertThat(devices.device("forged.value", "name alice")).isEmpty();
		assertThat(devices.device(null, "name alice")).isEmpty();
	}

	@Test
	void eachSignInMakesANewDevice() {
		assertThat(devices.device(issued(new MockHttpServletRequest(), "name alice"), "name alice"))
			.isNotEqualTo(devices.device(issued(new MockHttpServletRequest(), "name alice"), "name alice"));
	}

	@Test
	void theCookieIsHttpOnlyLaxLongLivedAndSecureOverHttps() {
		MockHttpServletResponse plain = new MockHttpServletResponse();
		devices.remember(new MockHttpServletRequest(), plain, "name alice");
		MockHttpServletRequest https = new MockHttpServletRequest();
		https.setSecure(true);
		MockHttpServletResponse secure = new MockHttpServletResponse();
		devices.remember(https, secure, "name alice");

		assertThat(plain.getHeader("Set-Cookie")).startsWith(KnownDevices.COOKIE + "=")
			.contains("HttpOnly", "SameSite=Lax", "Max-Age=7776000", "Path=/")
			.doesNotContain("Secure");
		assertThat(secure.getHeader("Set-Cookie")).contains("Secure");
	}

	@Test
	void readsTheCookieOffARequest() {
		MockHttpServletRequest request = new MockHttpServletRequest();
		assertThat(KnownDevices.cookie(request)).isNull();
		request.setCookies(new Cookie("JSESSIONID", "x"), new Cookie(KnownDevices.COOKIE, "a.b"));

		assertThat(KnownDevices.cookie(request)).isEqualTo("a.b");
	}

	private String issued(MockHttpServletRequest request, String nameKey) {
		MockHttpServletResponse response = new MockHttpServletResponse();
		devices.remember(request, response, nameKey);
		return response.getHeader("Set-Cookie").split(";", 2)[0].substring(KnownDevices.COOKIE.length() + 1);
	}

}
