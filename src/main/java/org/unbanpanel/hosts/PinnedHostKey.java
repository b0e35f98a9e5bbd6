package org.unbanpanel.hosts;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.List;

import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

/**
 * The one key a host may show, as configured ({@code host-key}): a {@code known_hosts} line such as
 * {@code ssh-keyscan} prints, {@code mail.example.org ssh-ed25519 AAAA…}, or the key file's own line,
 * {@code ssh-ed25519 AAAA… root@mail}. The host's name in a known_hosts line is not checked: the key is pinned to
 * the panel's host entry, whatever the line says.
 */
record PinnedHostKey(PublicKey key) {

	/** @throws IllegalArgumentException saying what the text lacks */
	static PinnedHostKey parse(String text) {
		String line = text.strip();
		try {
			AuthorizedKeyEntry entry = startsWithKeyType(line) ? AuthorizedKeyEntry.parseAuthorizedKeyEntry(line)
					: knownHostKey(line);
			if (entry == null) {
				throw new IllegalArgumentException("no key in it");
			}
			PublicKey key = entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING);
			if (key == null) {
				throw new IllegalArgumentException("the key type " + entry.getKeyType() + " is not supported");
			}
			return new PinnedHostKey(key);
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			throw new IllegalArgumentException("not a host key as known_hosts or ssh-keyscan give it: "
					+ ex.getMessage(), ex);
		}
	}

	private static AuthorizedKeyEntry knownHostKey(String line) {
		KnownHostEntry entry = KnownHostEntry.parseKnownHostEntry(line);
		if (entry == null || entry.getMarker() != null) {
			throw new IllegalArgumentException("a plain host key is needed, not a marked (@cert-authority, @revoked)"
					+ " line");
		}
		return entry.getKeyEntry();
	}

	private static boolean startsWithKeyType(String line) {
		return KeyUtils.getPublicKeyEntryDecoder(line.split("\\s+", 2)[0]) != null;
	}

	/** As {@code ssh-keygen -l} shows it: {@code SHA256:…}. */
	String fingerprint() {
		return KeyUtils.getFingerPrint(key);
	}

	/** {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}. */
	String type() {
		return KeyUtils.getKeyType(key);
	}

	/** The signature algorithms a host proves this key with, for the client's offer: the host shows no other key. */
	List<String> algorithms() {
		return KeyUtils.getAllEquivalentKeyTypes(type());
	}

	boolean matches(PublicKey presented) {
		return KeyUtils.compareKeys(key, presented);
	}

}
