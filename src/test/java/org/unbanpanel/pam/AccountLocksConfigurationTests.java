package org.unbanpanel.pam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.unbanpanel.exec.CommandRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** Backend detection over a temporary directory that stands in for the PATH. */
class AccountLocksConfigurationTests {

	@TempDir
	Path bin;

	private final CommandRunner runner = mock(CommandRunner.class);

	@Test
	void autoPrefersFaillock() throws IOException {
		executable("faillock");
		executable("pam_tally2");

		assertThat(detect(AccountsProperties.Backend.AUTO).backend()).isEqualTo("faillock");
	}

	@Test
	void autoFallsBackToPamTally2() throws IOException {
		executable("pam_tally2");

		assertThat(detect(AccountsProperties.Backend.AUTO).backend()).isEqualTo("pam_tally2");
	}

	@Test
	void autoWithNeitherToolIsNone() throws IOException {
		Files.createFile(bin.resolve("faillock"));

		assertThat(detect(AccountsProperties.Backend.AUTO)).isInstanceOf(NoAccountLocks.class);
	}

	@Test
	void autoLooksThroughSudoAtTheProgramPath() throws IOException {
		Path faillock = executable("faillock");
		AccountsProperties properties = new AccountsProperties(AccountsProperties.Backend.AUTO,
				new AccountsProperties.Faillock(List.of("sudo", "-n", faillock.toString()), null),
				new AccountsProperties.PamTally2(List.of("sudo", "-n", "/nonexistent/pam_tally2"), null));

		assertThat(AccountLocksConfiguration.backend(properties, new ToolLocator(List.of())))
			.isEqualTo(AccountsProperties.Backend.FAILLOCK);
		assertThat(AccountLocksConfiguration.backend(properties, new ToolLocator(List.of(bin))))
			.isEqualTo(AccountsProperties.Backend.FAILLOCK);
		Files.delete(faillock);
		assertThat(AccountLocksConfiguration.backend(properties, new ToolLocator(List.of(bin))))
			.isEqualTo(AccountsProperties.Backend.NONE);
	}

	@Test
	void configuredBackendIsTakenAsIsEvenWhenMissing() {
		assertThat(detect(AccountsProperties.Backend.PAM_TALLY2).backend()).isEqualTo("pam_tally2");
		assertThat(detect(AccountsProperties.Backend.NONE).backend()).isEqualTo("none");
	}

	@Test
	void providesTheConfiguredBackendAsTheOnlyBean() {
		new ApplicationContextRunner().withUserConfiguration(AccountLocksConfiguration.class, Properties.class)
			.withBean(CommandRunner.class, () -> runner)
			.withPropertyValues("panel.accounts.backend=pam-tally2")
			.run(context -> assertThat(context).getBean(AccountLocks.class)
				.extracting(AccountLocks::backend)
				.isEqualTo("pam_tally2"));
	}

	private AccountLocks detect(AccountsProperties.Backend backend) {
		AccountsProperties properties = new AccountsProperties(backend,
				new AccountsProperties.Faillock(List.of("faillock"), null),
				new AccountsProperties.PamTally2(List.of("pam_tally2"), null));
		return AccountLocksConfiguration.create(properties, new ToolLocator(List.of(Path.of("/nonexistent"), bin)),
				runner);
	}

	@EnableConfigurationProperties(AccountsProperties.class)
	static class Properties {

	}

	private Path executable(String name) throws IOException {
		return Files.createFile(bin.resolve(name),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
	}

}
