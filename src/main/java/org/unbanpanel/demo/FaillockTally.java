package org.unbanpanel.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed logins written the way pam_faillock writes them, for the demo's locked account. A normal user cannot run PAM
 * for anybody else, so the demo writes the records itself, in pam_faillock's on-disk format (Linux-PAM's
 * {@code faillock.h}): one file per user, named after the user, in the tally directory, holding one 64-byte record
 * per failure in the machine's byte order: {@code char source[52]} (the remote host, not necessarily NUL-terminated),
 * {@code uint16_t reserved}, {@code uint16_t status} ({@code 0x1} valid, {@code 0x2} the source is a remote host) and
 * {@code uint64_t time} (seconds since the epoch). The real {@code faillock --dir} reads and resets them like any
 * other; the tests prove it, and compare with a file pam_faillock wrote itself.
 */
final class FaillockTally {

	static final String FAILLOCK = "/usr/sbin/faillock";

	static final int RECORD_SIZE = 64;

	static final int SOURCE_SIZE = 52;

	static final short STATUS_VALID = 0x1;

	static final short STATUS_RHOST = 0x2;

	private FaillockTally() {
	}

	/**
	 * Writes {@code failures} valid failures of {@code user} from the remote host {@code source}, ten seconds apart,
	 * the last at {@code last}, into a new file {@code directory/user} (mode 0660, as pam_faillock creates them).
	 */
	static void write(Path directory, String user, String source, int failures, Instant last) {
		ByteBuffer records = ByteBuffer.allocate(failures * RECORD_SIZE).order(ByteOrder.nativeOrder());
		byte[] host = source.getBytes(StandardCharsets.US_ASCII);
		if (host.length > SOURCE_SIZE) {
			throw new IllegalArgumentException("a faillock source holds at most " + SOURCE_SIZE + " bytes: " + source);
		}
		for (int i = failures - 1; i >= 0; i--) {
			records.put(host).put(new byte[SOURCE_SIZE - host.length]);
			records.putShort((short) 0).putShort((short) (STATUS_VALID | STATUS_RHOST));
			records.putLong(last.minus(Duration.ofSeconds(10L * i)).getEpochSecond());
		}
		try {
			Files.createDirectories(directory);
			Path file = Files.write(directory.resolve(user), records.array(), StandardOpenOption.CREATE_NEW);
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the demo's faillock records in " + directory, ex);
		}
	}

}
