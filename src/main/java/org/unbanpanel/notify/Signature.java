package org.unbanpanel.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The header {@code X-Unban-Panel-Signature: sha256=<hex>}: HMAC-SHA256 with the webhook's secret (its UTF-8 bytes) over
 * the exact bytes of the body, in lower-case hex. A receiver computes the same over the body it read and compares in
 * constant time.
 */
final class Signature {

	static final String HEADER = "X-Unban-Panel-Signature";

	private Signature() {
	}

	static String of(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

}
