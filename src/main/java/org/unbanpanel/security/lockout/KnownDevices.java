package org.unbanpanel.security.lockout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * Browsers a user name has signed in from before. After a complete sign-in the browser gets a cookie that names a
 * random device and proves, by a MAC under a key made at start, that this name signed in from it. Its attempts for
 * that name are then counted against the device rather than the name, so someone guessing at the name from
 * elsewhere cannot lock its owner out; they still count against the address. A restart makes every such cookie
 * worthless, like the rest of the throttle's memory.
 */
final class KnownDevices {

	static final String COOKIE = "unban-panel-device";

	static final Duration LIFETIME = Duration.ofDays(90);

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private final SecureRandom random = new SecureRandom();

	private final byte[] key = new byte[32];

	KnownDevices() {
		random.nextBytes(key);
	}

	/** The cookie's value as this request sent it, if any. */
	static String cookie(HttpServletRequest request) {
		Cookie[] cookies = request.getCookies();
		if (cookies != null) {
			for (Cookie cookie : cookies) {
				if (COOKIE.equals(cookie.getName())) {
					return cookie.getValue();
				}
			}
		}
		return null;
	}

	/** The device a cookie names, when it proves that this name signed in from it. */
	Optional<String> device(String cookie, String nameKey) {
		if (cookie == null) {
			return Optional.empty();
		}
		String[] parts = cookie.split("\\.", -1);
		if (parts.length != 2 || parts[0].isEmpty()) {
			return Optional.empty();
		}
		byte[] expected = mac(nameKey, parts[0]).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, parts[1].getBytes(StandardCharsets.US_ASCII)) ? Optional.of(parts[0])
				: Optional.empty();
	}

	/** Sets the cookie of a new device for this name, marked Secure whenever the session cookie is. */
	void remember(HttpServletRequest request, HttpServletResponse response, String nameKey) {
		byte[] device = new byte[16];
		random.nextBytes(device);
		String id = ENCODER.encodeToString(device);
		boolean secure = request.isSecure() || request.getServletContext().getSessionCookieConfig().isSecure();
		ResponseCookie cookie = ResponseCookie.from(COOKIE, id + "." + mac(nameKey, id))
			.path(request.getContextPath().isEmpty() ? "/" : request.getContextPath())
			.maxAge(LIFETIME)
			.httpOnly(true)
			.secure(secure)
			.sameSite("Lax")
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

	private String mac(String nameKey, String device) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return ENCODER.encodeToString(mac.doFinal((nameKey + "\n" + device).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("every Java runtime has HmacSHA256", ex);
		}
	}

}
