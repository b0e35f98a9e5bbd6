package org.unbanpanel.security;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class InitialAdminTests {

	private final PasswordEncoder encoder = new BCryptPasswordEncoder(4);

	@Test
	void keepsOnlyTheHashReadableByThePanelAlone(@TempDir Path dataDir) throws Exception {
		String hash = InitialAdmin.passwordHash(dataDir, encoder);

		Path file = dataDir.resolve(InitialAdmin.HASH_FILE);
		assertThat(hash).startsWith("$2a$");
		assertThat(Files.readString(file).strip()).isEqualTo(hash);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
	}

	@Test
	void keepsTheSamePasswordAcrossARestart(@TempDir Path dataDir) {
		String first = InitialAdmin.passwordHash(dataDir, encoder);

		assertThat(InitialAdmin.passwordHash(dataDir, encoder)).isEqualTo(first);
	}

	@Test
	void makesANewPasswordWhenTheHashFileIsDeleted(@TempDir Path dataDir) throws Exception {
		String first = InitialAdmin.passwordHash(dataDir, encoder);
		Files.delete(dataDir.resolve(InitialAdmin.HASH_FILE));

		String second = InitialAdmin.passwordHash(dataDir, encoder);

		assertThat(second).isNotEqualTo(first);
		assertThat(Files.readString(dataDir.resolve(InitialAdmin.HASH_FILE)).strip()).isEqualTo(second);
	}

	@Test
	void createsTheDataDirectoryOnFirstStart(@TempDir Path parent) {
		Path dataDir = parent.resolve("fresh/data");

		InitialAdmin.passwordHash(dataDir, encoder);

		assertThat(dataDir.resolve(InitialAdmin.HASH_FILE)).exists();
	}

}
