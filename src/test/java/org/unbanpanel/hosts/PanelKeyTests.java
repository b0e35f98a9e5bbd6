package org.unbanpanel.hosts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PanelKeyTests {

	@TempDir
	Path dataDir;

	@Test
	void isCreatedAtTheFirstStartOnlyReadableByThePanelAndKeptAfterwards() throws IOException {
		Path file = dataDir.resolve("ssh").resolve("id_ed25519");

		PanelKey created = PanelKey.loadOrCreate(file);
		PanelKey again = PanelKey.loadOrCreate(file);

		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
		assertThat(Files.readString(file)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
		assertThat(created.publicKey()).startsWith("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5");
		assertThat(Files.readString(Path.of(file + ".pub"))).startsWith(created.publicKey() + " unban-panel");
		assertThat(again.publicKey()).isEqualTo(created.publicKey());
		assertThat(again.fingerprint()).isEqualTo(created.fingerprint()).startsWith("SHA256:");
	}

	@Test
	void itsAuthorizedKeysLineAllowsNoTerminalNorForwardingAndOnlyFromThePanelsAddresses() {
		PanelKey key = PanelKey.loadOrCreate(dataDir.resolve("id_ed25519"));

		assertThat(key.authorizedKeysLine(List.of("192.0.2.1", "2001:db8::1")))
			.startsWith("restrict,from=\"192.0.2.1,2001:db8::1\" " + key.publicKey() + " unban-panel");
	}

	@Test
	void aFileThatHoldsNoKeyIsRefusedWithItsName() throws IOException {
		Path file = Files.writeString(dataDir.resolve("not-a-key"), "hello\n");

		assertThatThrownBy(() -> PanelKey.load(file)).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(file.toString());
	}

}
