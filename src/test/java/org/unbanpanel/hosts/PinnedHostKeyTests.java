package org.unbanpanel.hosts;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PinnedHostKeyTests {

	@TempDir
	Path dir;

	@Test
	void readsAKnownHostsLineAndTheKeyFilesOwnLineAsTheSameKey() {
		PanelKey host = PanelKey.loadOrCreate(dir.resolve("host_key"));

		PinnedHostKey fromKeyscan = PinnedHostKey.parse("[192.0.2.10]:2222 " + host.publicKey());
		PinnedHostKey fromPubFile = PinnedHostKey.parse(host.publicKey() + " root@mail\n");

		assertThat(fromKeyscan.matches(host.keyPair().getPublic())).isTrue();
		assertThat(fromPubFile.matches(host.keyPair().getPublic())).isTrue();
		assertThat(fromKeyscan.fingerprint()).isEqualTo(host.fingerprint());
		assertThat(fromKeyscan.type()).isEqualTo("ssh-ed25519");
	}

	@Test
	void anotherKeyDoesNotMatch() {
		PinnedHostKey pinned = PinnedHostKey.parse(PanelKey.loadOrCreate(dir.resolve("a")).publicKey());

		assertThat(pinned.matches(PanelKey.loadOrCreate(dir.resolve("b")).keyPair().getPublic())).isFalse();
	}

	@Test
	void refusesWhatIsNoPlainHostKey() {
		String key = PanelKey.loadOrCreate(dir.resolve("c")).publicKey();

		assertThatThrownBy(() -> PinnedHostKey.parse("@revoked mail.example.org " + key))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PinnedHostKey.parse("mail.example.org ssh-ed25519 not-base64"))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> PinnedHostKey.parse("hello")).isInstanceOf(IllegalArgumentException.class);
	}

}
