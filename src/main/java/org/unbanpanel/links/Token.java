package org.unbanpanel.links;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A release link's token: 128 random bits, base64url without padding (22 characters). The panel stores only its
 * SHA-256 and compares hashes in constant time.
 */
final class Token {

	static final int LENGTH = 22;

	private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

	private Token() {
	}

	static String generate(SecureRandom random) {
		byte[] bits = new byte[16];
		random.nextBytes(bits);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
	}

	/** Whether the text can be a token at all: checked before anything else looks at it. */
	static boolean wellFormed(String text) {
		return text != null && text.length() == LENGTH && FORM.matcher(text).matches();
	}

	/** The SHA-256 of a well-formed token, in hex as the table keeps it. */
	static String hash(String token) {
		return HexFormat.of().formatHex(digest(token));
	}

	/** Whether the stored hash is the token's, compared in constant time. */
	static boolean matches(String storedHash, String token) {
		return MessageDigest.isEqual(HexFormat.of().parseHex(storedHash), digest(token));
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java has SHA-256", ex);
		}
	}

}
