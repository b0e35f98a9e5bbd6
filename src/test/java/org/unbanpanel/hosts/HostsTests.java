package org.unbanpanel.hosts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class HostsTests {

	@TempDir
	Path dataDir;

	@Test
	void withoutRemoteHostsCreatesThePanelsKeyOnlyWhenItIsFirstAskedFor() throws Exception {
		Path keyFile = dataDir.resolve("ssh").resolve("id_ed25519");
		Hosts hosts = TestFleet.hosts(Map.of("panel.data-dir", dataDir.toString()));

		assertThat(hosts.all()).extracting(Host::name).containsExactly(HostName.LOCAL);
		assertThat(keyFile).doesNotExist();

		String publicKey = hosts.panelKey().publicKey();

		assertThat(keyFile).exists();
		assertThat(Files.readString(Path.of(keyFile + ".pub"))).startsWith(publicKey);
		assertThat(hosts.panelKey().publicKey()).isEqualTo(publicKey);
		hosts.destroy();
	}

	@Test
	void withARemoteHostReadsThePanelsKeyAtOnce() throws Exception {
		Path keyFile = dataDir.resolve("ssh").resolve("id_ed25519");
		String hostKey = PanelKey.loadOrCreate(dataDir.resolve("host_key")).publicKey();
		Hosts hosts = TestFleet.hosts(Map.of("panel.data-dir", dataDir.toString(), "panel.hosts[0].name", "mail",
				"panel.hosts[0].address", "127.0.0.1", "panel.hosts[0].user", "panel", "panel.hosts[0].host-key",
				hostKey));

		assertThat(keyFile).exists();
		assertThat(hosts.remote(HostName.parse("mail")).orElseThrow().identity().publicKey())
			.isEqualTo(hosts.panelKey().publicKey());
		hosts.destroy();
	}

}
