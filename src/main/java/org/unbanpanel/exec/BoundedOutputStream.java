package org.unbanpanel.exec;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Keeps the first {@code limit} bytes written to it and counts, but drops, the rest: the output cap of every
 * {@link CommandRunner}, wherever the program runs.
 */
public final class BoundedOutputStream extends OutputStream {

	private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

	private final long limit;

	private boolean truncated;

	public BoundedOutputStream(long limit) {
		this.limit = limit;
	}

	@Override
	public synchronized void write(int b) {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public synchronized void write(byte[] bytes, int offset, int length) {
		int room = (int) Math.min(length, Math.max(0, limit - kept.size()));
		kept.write(bytes, offset, room);
		truncated |= room < length;
	}

	public synchronized boolean truncated() {
		return truncated;
	}

	public synchronized String text() {
		return kept.toString(StandardCharsets.UTF_8);
	}

}
