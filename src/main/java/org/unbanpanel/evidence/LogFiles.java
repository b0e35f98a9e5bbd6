package org.unbanpanel.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.GZIPInputStream;

import org.unbanpanel.evidence.SourceProblem.Reason;

/**
 * Reads the lines holding a text (an address) inside time windows from one log file and the copies logrotate keeps
 * of it ({@code auth.log.1}, {@code auth.log.2.gz} …), as the panel's user may read them.
 * <p>
 * A log is written in time order, so in a plain file each window is found by a binary search on the time stamps,
 * reading a few kilobytes per step, and only the window's bytes are scanned; a compressed copy cannot be searched and
 * is read through, but only when the window reaches back into it. Lines are matched as bytes and decoded only when
 * they hold the text.
 */
final class LogFiles {

	/** logrotate's numbered copies: {@code .1} is usually kept plain, {@code .2.gz} and older compressed. */
	private static final int MAX_ROTATIONS = 100;

	/** Below this many bytes the binary search stops and the rest is read line by line. */
	private static final int PROBE_LIMIT = 16 * 1024;

	private static final int CHUNK = 1024 * 1024;

	/** Stamps of lines from several processes are not strictly in order: the search allows this much disorder. */
	private static final long DISORDER_SECONDS = 60;

	/** A line longer than this is cut where it is read; no log line of a login is near it. */
	static final int MAX_LINE = 64 * 1024;

	private final ZoneId zone;

	private final long maxBytes;

	private final int maxLines;

	/**
	 * @param maxBytes how many bytes of one log (its copies together) may be read for one request
	 * @param maxLines how many matching lines are kept; the count goes on beyond them
	 */
	LogFiles(ZoneId zone, long maxBytes, int maxLines) {
		this.zone = zone;
		this.maxBytes = maxBytes;
		this.maxLines = maxLines;
	}

	/**
	 * The lines of {@code log} and its rotated copies that contain {@code text} and whose stamp lies in one of the
	 * windows, oldest first.
	 */
	SourceLines read(Path log, String text, List<Window> windows) {
		byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
		Scan scan = new Scan(log.toString(), needle, windows);
		try {
			List<Rotation> needed = needed(log, windows, scan);
			for (int i = needed.size() - 1; i >= 0 && !scan.stopped(); i--) {
				needed.get(i).read(scan);
			}
		}
		catch (NoSuchFileException ex) {
			scan.problem(Reason.GONE, "");
		}
		catch (AccessDeniedException ex) {
			scan.problem(Reason.NOT_READABLE, "");
		}
		catch (IOException ex) {
			scan.problem(Reason.FAILED, String.valueOf(ex.getMessage()));
		}
		return scan.result();
	}

	/**
	 * The file and as many rotated copies, newest first, as it takes to reach back to the earliest window's start;
	 * notes where the oldest starts when even it starts after that.
	 */
	private List<Rotation> needed(Path log, List<Window> windows, Scan scan) throws IOException {
		long earliest = windows.stream().mapToLong(Window::from).min().orElse(Long.MAX_VALUE);
		List<Rotation> needed = new ArrayList<>();
		List<Path> files = rotations(log);
		for (Path file : files) {
			Rotation rotation = new Rotation(file, new LogTime(zone, Files.getLastModifiedTime(file).toInstant()));
			needed.add(rotation);
			Long first = rotation.firstStamp();
			if (first != null && first <= earliest) {
				return needed;
			}
			if (file.equals(files.get(files.size() - 1)) && first != null) {
				scan.startsAt = first;
			}
		}
		return needed;
	}

	/** The log and its numbered copies that exist, newest first; the log itself must exist. */
	private static List<Path> rotations(Path log) throws IOException {
		if (!Files.exists(log)) {
			Path folder = log.toAbsolutePath().getParent();
			// without the right to search its folder a file looks missing; /var/log/apache2 is root:adm 0750
			if (folder != null && Files.isDirectory(folder) && !Files.isExecutable(folder)) {
				throw new AccessDeniedException(log.toString());
			}
			throw new NoSuchFileException(log.toString());
		}
		List<Path> files = new ArrayList<>(List.of(log));
		for (int n = 1; n <= MAX_ROTATIONS; n++) {
			Path plain = log.resolveSibling(log.getFileName() + "." + n);
			Path compressed = log.resolveSibling(log.getFileName() + "." + n + ".gz");
			if (Files.isRegularFile(plain)) {
				files.add(plain);
			}
			else if (Files.isRegularFile(compressed)) {
				files.add(compressed);
			}
			else {
				break;
			}
		}
		return files;
	}

	/** One file of a log, with the year its year-less stamps get. */
	private record Rotation(Path file, LogTime times) {

		boolean compressed() {
			return file.getFileName().toString().endsWith(".gz");
		}

		/** The stamp of the first stamped line near the file's start, {@code null} when there is none. */
		Long firstStamp() throws IOException {
			try (InputStream in = open()) {
				byte[] head = in.readNBytes(PROBE_LIMIT);
				return firstStampIn(head, 0, head.length, times);
			}
		}

		void read(Scan scan) throws IOException {
			if (compressed()) {
				readThrough(scan);
			}
			else {
				search(scan);
			}
		}

		/** Each window's bytes, found by time, scanned for the text. */
		private void search(Scan scan) throws IOException {
			try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
				long size = channel.size();
				for (Window window : scan.windows()) {
					long from = offset(channel, size, window.from() - DISORDER_SECONDS);
					long to = offset(channel, size, window.to() + DISORDER_SECONDS + 1);
					if (!scan.spend(to - from)) {
						return;
					}
					scanRange(channel, from, to, scan);
				}
			}
		}

		/** Where the first line stamped at or after {@code time} starts (the file's size when there is none). */
		private long offset(FileChannel channel, long size, long time) throws IOException {
			long low = 0;
			long high = size;
			while (high - low > PROBE_LIMIT) {
				long middle = (low + high) >>> 1;
				Long stamp = stampAfter(channel, middle, high);
				if (stamp == null || stamp >= time) {
					high = middle;
				}
				else {
					low = middle;
				}
			}
			return firstAtOrAfter(channel, low, size, time);
		}

		/** The stamp of the first stamped line that starts after {@code offset}, looking no further than {@code limit}. */
		private Long stampAfter(FileChannel channel, long offset, long limit) throws IOException {
			ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(PROBE_LIMIT, limit - offset));
			channel.read(buffer, offset);
			byte[] bytes = buffer.array();
			int start = indexOf(bytes, (byte) '\n', 0, buffer.position()) + 1;
			return start == 0 ? null : firstStampIn(bytes, start, buffer.position(), times);
		}

		/** From the line start at or after {@code from}, where the first line stamped at or after {@code time} starts. */
		private long firstAtOrAfter(FileChannel channel, long from, long size, long time) throws IOException {
			long position = from == 0 ? 0 : nextLineStart(channel, from - 1, size);
			byte[] chunk = new byte[4 * PROBE_LIMIT];
			while (position < size) {
				int length = read(channel, position, chunk, chunk.length);
				int lineStart = 0;
				int end;
				while ((end = indexOf(chunk, (byte) '\n', lineStart, length)) >= 0 || position + length >= size) {
					LogTime.Stamp stamp = times.read(chunk, lineStart, end < 0 ? length : end);
					if (stamp != null && stamp.epochSecond() >= time) {
						return position + lineStart;
					}
					if (end < 0) {
						return size;
					}
					lineStart = end + 1;
				}
				// a line longer than the chunk is judged by none of its stamps: it is skipped
				position = lineStart > 0 ? position + lineStart : nextLineStart(channel, position + length, size);
			}
			return size;
		}

		/** The offset after the first newline at or after {@code offset}; the file's size when there is none. */
		private static long nextLineStart(FileChannel channel, long offset, long size) throws IOException {
			byte[] chunk = new byte[PROBE_LIMIT];
			for (long position = offset; position < size;) {
				int length = read(channel, position, chunk, chunk.length);
				int newline = indexOf(chunk, (byte) '\n', 0, length);
				if (newline >= 0) {
					return position + newline + 1;
				}
				position += length;
			}
			return size;
		}

		private void scanRange(FileChannel channel, long from, long to, Scan scan) throws IOException {
			byte[] chunk = new byte[CHUNK];
			long position = from;
			while (position < to && !scan.stopped()) {
				int length = read(channel, position, chunk, (int) Math.min(CHUNK, to - position));
				int consumed = scan.lines(chunk, length, position + length >= to, times);
				position += consumed;
			}
		}

		/** A compressed copy, read through; it stops after the last window. */
		private void readThrough(Scan scan) throws IOException {
			long last = scan.windows().stream().mapToLong(Window::to).max().orElse(Long.MIN_VALUE);
			try (InputStream in = open()) {
				byte[] chunk = new byte[CHUNK];
				int kept = 0;
				while (!scan.stopped()) {
					int read = in.readNBytes(chunk, kept, CHUNK - kept);
					int length = kept + read;
					boolean end = length < CHUNK;
					Long first = firstStampIn(chunk, 0, length, times);
					if (!scan.spend(read) || (first != null && first > last + DISORDER_SECONDS)) {
						return;
					}
					int consumed = scan.lines(chunk, length, end, times);
					if (end) {
						return;
					}
					kept = length - consumed;
					System.arraycopy(chunk, consumed, chunk, 0, kept);
				}
			}
		}

		private InputStream open() throws IOException {
			InputStream in = Files.newInputStream(file);
			return compressed() ? new GZIPInputStream(in, 64 * 1024) : in;
		}

		private static int read(FileChannel channel, long position, byte[] chunk, int length) throws IOException {
			ByteBuffer buffer = ByteBuffer.wrap(chunk, 0, length);
			while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
				// read until the range is full or the file ends
			}
			return buffer.position();
		}

	}

	/** The stamp of the first stamped line among the whole lines from {@code from} up to {@code to}. */
	private static Long firstStampIn(byte[] bytes, int from, int to, LogTime times) {
		int start = from;
		while (start < to) {
			int end = indexOf(bytes, (byte) '\n', start, to);
			LogTime.Stamp stamp = times.read(bytes, start, end < 0 ? to : end);
			if (stamp != null) {
				return stamp.epochSecond();
			}
			if (end < 0) {
				return null;
			}
			start = end + 1;
		}
		return null;
	}

	static int indexOf(byte[] bytes, byte value, int from, int to) {
		for (int i = from; i < to; i++) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

	/** What one read of a log gathers: the matching lines, the bytes it may still read, what went wrong. */
	private final class Scan {

		private final String source;

		private final byte[] needle;

		private final List<Window> windows;

		private final List<LogLine> lines = new ArrayList<>();

		private final List<SourceProblem> problems = new ArrayList<>();

		private long budget = maxBytes;

		private int matching;

		private Long startsAt;

		private boolean stopped;

		Scan(String source, byte[] needle, List<Window> windows) {
			this.source = source;
			this.needle = needle;
			this.windows = windows.stream().sorted(Comparator.comparingLong(Window::from)).toList();
		}

		List<Window> windows() {
			return windows;
		}

		boolean stopped() {
			return stopped;
		}

		/** Takes {@code bytes} from the budget; when it would run out, notes it and stops the scan. */
		boolean spend(long bytes) {
			if (bytes > budget) {
				problem(Reason.TOO_LARGE, Long.toString(maxBytes));
				return false;
			}
			budget -= bytes;
			return true;
		}

		void problem(Reason reason, String detail) {
			problems.add(new SourceProblem(source, reason, detail));
			stopped = true;
		}

		/**
		 * Takes the lines of the chunk's first {@code length} bytes that hold the needle and lie in a window.
		 * @param last whether the chunk ends the range, so that a line without its newline is whole
		 * @return how many bytes were consumed: up to the last whole line
		 */
		int lines(byte[] chunk, int length, boolean last, LogTime times) {
			int wholeEnd = last ? length : lastIndexOf(chunk, (byte) '\n', length) + 1;
			if (wholeEnd == 0) {
				// one line longer than the chunk: cut it
				wholeEnd = length;
			}
			int at = 0;
			while ((at = find(chunk, at, wholeEnd)) >= 0) {
				int start = lastIndexOf(chunk, (byte) '\n', at) + 1;
				int end = indexOf(chunk, (byte) '\n', at, wholeEnd);
				end = end < 0 ? wholeEnd : end;
				take(chunk, start, end, times);
				at = end + 1;
			}
			return wholeEnd;
		}

		private void take(byte[] chunk, int start, int end, LogTime times) {
			LogTime.Stamp stamp = times.read(chunk, start, end);
			if (stamp == null || windows.stream().noneMatch(window -> window.holds(stamp.epochSecond()))) {
				return;
			}
			matching++;
			if (lines.size() < maxLines) {
				String text = new String(chunk, start, Math.min(end - start, MAX_LINE), StandardCharsets.UTF_8);
				LogLine.of(text, times).ifPresent(lines::add);
			}
		}

		private int find(byte[] bytes, int from, int to) {
			byte first = needle[0];
			for (int i = from; i <= to - needle.length; i++) {
				if (bytes[i] == first && matchesAt(bytes, i)) {
					return i;
				}
			}
			return -1;
		}

		private boolean matchesAt(byte[] bytes, int at) {
			for (int j = 1; j < needle.length; j++) {
				if (bytes[at + j] != needle[j]) {
					return false;
				}
			}
			return true;
		}

		SourceLines result() {
			return new SourceLines(lines, matching, problems, startsAt);
		}

	}

	private static int lastIndexOf(byte[] bytes, byte value, int before) {
		for (int i = before - 1; i >= 0; i--) {
			if (bytes[i] == value) {
				return i;
			}
		}
		return -1;
	}

}
