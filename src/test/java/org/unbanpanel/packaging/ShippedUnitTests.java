package org.unbanpanel.packaging;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.unbanpanel.demo.ProgramRun;
import org.unbanpanel.testsupport.SystemTools;
import org.unbanpanel.testsupport.SystemdUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The systemd unit the Debian package ships: hardened as far as sudo allows. sudo must gain root at exec, which the
 * "no new privileges" flag forbids, and systemd sets that flag by itself for a unit with a non-root {@code User=}
 * whenever one of its seccomp-based options is on; none of them may be there.
 */
class ShippedUnitTests {

	/** The options systemd 252 implements with seccomp (src/core/execute.c, context_has_seccomp). */
	static final List<String> IMPLY_NO_NEW_PRIVILEGES = List.of("RestrictAddressFamilies", "ProtectKernelTunables",
			"ProtectKernelModules", "ProtectKernelLogs", "ProtectClock", "ProtectHostname", "PrivateDevices",
			"SystemCallFilter", "SystemCallArchitectures", "SystemCallLog", "LockPersonality", "RestrictNamespaces",
			"RestrictRealtime", "RestrictSUIDSGID", "MemoryDenyWriteExecute", "DynamicUser");

	private final SystemdUnit unit = SystemdUnit.read(SystemdUnit.SHIPPED);

	@Test
	void runsAsThePanelsUserWithItsStateDirectoryAndRestartsOnFailure() {
		assertThat(unit.get("User")).isEqualTo("unban-panel");
		assertThat(unit.get("StateDirectory")).isEqualTo("unban-panel");
		assertThat(unit.get("WorkingDirectory")).isEqualTo("/var/lib/unban-panel");
		assertThat(unit.get("Restart")).isEqualTo("on-failure");
		assertThat(unit.execStart()).containsExactly("/usr/bin/unban-panel",
				"--spring.config.additional-location=file:/etc/unban-panel/application.yml");
		assertThat(unit.jvmOptions()).contains("-XX:+UseSerialGC", "-Xmx96m", "-XX:TieredStopAtLevel=1");
	}

	@Test
	void keepsTheClassArchiveInItsStateDirectory() {
		assertThat(unit.environment()).containsEntry("UNBAN_PANEL_CLASS_ARCHIVE", "/var/lib/unban-panel/classes");
	}

	@Test
	void isHardenedWithEveryOptionSudoStillAllows() {
		assertThat(unit.get("ProtectSystem")).isEqualTo("strict");
		assertThat(unit.get("ProtectHome")).isEqualTo("yes");
		assertThat(unit.get("PrivateTmp")).isEqualTo("yes");
		assertThat(unit.get("ProtectControlGroups")).isEqualTo("yes");
		assertThat(unit.get("ReadOnlyPaths")).contains("/proc/sys", "/sys");
		assertThat(unit.get("NoNewPrivileges")).isEqualTo("no");
		assertThat(unit.keys()).doesNotContainAnyElementsOf(IMPLY_NO_NEW_PRIVILEGES);
	}

	@Test
	void sudoCannotRunUnderTheNoNewPrivilegesFlag() {
		SystemTools.requireRoot();
		SystemTools.requireProgram("/usr/bin/setpriv", "util-linux");

		ProgramRun run = ProgramRun.of(List.of("/usr/sbin/runuser", "-u", "nobody", "--", "/usr/bin/setpriv",
				"--no-new-privs", "/usr/bin/sudo", "-n", "/bin/true"), Duration.ofSeconds(30));

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains("\"no new privileges\" flag is set");
	}

}
