package org.unbanpanel.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.exec.CommandRunners;
import org.unbanpanel.pam.AccountLockAdapters;
import org.unbanpanel.pam.AccountLocks;
import org.unbanpanel.pam.LockRecord;
import org.unbanpanel.testsupport.PamLockout;
import org.unbanpanel.testsupport.SystemTools;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's locked account is what the real {@code faillock} reads and resets, and its records are byte for byte
 * what pam_faillock itself writes.
 */
class FaillockTallyTests {

	private static final Instant LAST = Instant.now().truncatedTo(ChronoUnit.SECONDS);

	@Test
	void theRealFaillockReportsAndResetsTheWrittenRecords(@TempDir Path directory) {
		SystemTools.requireProgram(FaillockTally.FAILLOCK, "libpam-modules-bin");
		AccountLocks faillock = AccountLockAdapters.faillock(CommandRunners.real(Duration.ofSeconds(10)),
				List.of(FaillockTally.FAILLOCK), directory);
		AccountName root = AccountName.parse("root");

		FaillockTally.write(directory, "root", "203.0.113.7", 3, LAST);

		LockRecord record = faillock.status(root);
		assertThat(record).isEqualTo(new LockRecord("root", 3, LocalDateTime.ofInstant(LAST, ZoneId.systemDefault()),
				"203.0.113.7"));
		assertThat(faillock.all()).containsExactly(record);
		assertThat(faillock.reset(root)).isEqualTo(record);
		assertThat(faillock.all()).isEmpty();
	}

	@Test
	void recordsAreLaidOutAsPamFaillockWritesThem(@TempDir Path directory) throws IOException {
		PamLockout pam = PamLockout.create();
		try {
			pam.lockOut();
			byte[] real = Files.readAllBytes(pam.tallyDir().resolve(pam.user()));
			assertThat(real).hasSize(PamLockout.DENY * FaillockTally.RECORD_SIZE);
			Instant lastReal = Instant.ofEpochSecond(ByteBuffer.wrap(real, real.length - 8, 8)
				.order(ByteOrder.nativeOrder())
				.getLong());

			FaillockTally.write(directory, pam.user(), PamLockout.RHOST, 1, lastReal);

			assertThat(Files.readAllBytes(directory.resolve(pam.user())))
				.isEqualTo(Arrays.copyOfRange(real, real.length - FaillockTally.RECORD_SIZE, real.length));
			assertThat(Files.getPosixFilePermissions(directory.resolve(pam.user())))
				.isEqualTo(Files.getPosixFilePermissions(pam.tallyDir().resolve(pam.user())));
		}
		finally {
			pam.close();
		}
	}

}
