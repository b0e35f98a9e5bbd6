package org.unbanpanel.hosts;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.util.Iterator;
import java.util.List;

import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key the panel logs in to hosts with: an OpenSSH private key file without passphrase, and its public half. The
 * default one is an ed25519 key the panel creates when it first needs it (file mode 0600 in a 0700 folder, the public
 * half beside it as {@code .pub}); a host's own {@code identity} must exist already.
 */
final class PanelKey {

	private static final Logger log = LoggerFactory.getLogger(PanelKey.class);

	static final String TYPE = KeyPairProvider.SSH_ED25519;

	private final Path file;

	private final KeyPair keyPair;

	private PanelKey(Path file, KeyPair keyPair) {
		this.file = file;
		this.keyPair = keyPair;
	}

	/** The key in {@code file}, created first as a new ed25519 key when the file does not exist. */
	static PanelKey loadOrCreate(Path file) {
		if (!Files.exists(file)) {
			create(file);
		}
		return load(file);
	}

	/** @throws IllegalStateException saying what is wrong with the file: missing, unreadable, encrypted */
	static PanelKey load(Path file) {
		try (InputStream in = Files.newInputStream(file)) {
			Iterator<KeyPair> keys = SecurityUtils
				.loadKeyPairIdentities(null, NamedResource.ofName(file.toString()), in, null)
				.iterator();
			if (!keys.hasNext()) {
				throw new IllegalStateException(file + " holds no private key");
			}
			return new PanelKey(file, keys.next());
		}
		catch (IOException | GeneralSecurityException | RuntimeException ex) {
			throw new IllegalStateException("cannot read the SSH key " + file + " (an OpenSSH private key without"
					+ " passphrase is needed): " + ex.getMessage(), ex);
		}
	}

	Path file() {
		return file;
	}

	KeyPair keyPair() {
		return keyPair;
	}

	/** The public half as {@code authorized_keys} and {@code .pub} files hold it: {@code ssh-ed25519 AAAA…}. */
	String publicKey() {
		return PublicKeyEntry.toString(keyPair.getPublic());
	}

	/** As {@code ssh-keygen -l} shows it: {@code SHA256:…}. */
	String fingerprint() {
		return KeyUtils.getFingerPrint(keyPair.getPublic());
	}

	/**
	 * The line a host's {@code ~/.ssh/authorized_keys} takes for this key: {@code restrict} (no terminal, no
	 * forwarding of ports, agent or X11, no {@code ~/.ssh/rc}) and only from the panel's own addresses.
	 */
	String authorizedKeysLine(List<String> from) {
		return "restrict,from=\"" + String.join(",", from) + "\" " + publicKey() + " " + comment();
	}

	private static void create(Path file) {
		try {
			Path folder = file.toAbsolutePath().getParent();
			if (!Files.isDirectory(folder)) {
				Files.createDirectories(folder,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			KeyPair keyPair = KeyUtils.generateKeyPair(TYPE, 256);
			try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
				OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(keyPair, comment(), null, out);
			}
			Files.writeString(Path.of(file + ".pub"), PublicKeyEntry.toString(keyPair.getPublic()) + " " + comment()
					+ "\n");
			log.info("Created the panel's SSH key {} ({}); the hosts page shows the line each host needs",
					file, KeyUtils.getFingerPrint(keyPair.getPublic()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot create the panel's SSH key " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot create an ed25519 key: " + ex.getMessage(), ex);
		}
	}

	/** Says where the key is used, as ssh-keygen's default comment does. */
	private static String comment() {
		try {
			return "unban-panel@" + InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "unban-panel";
		}
	}

}
