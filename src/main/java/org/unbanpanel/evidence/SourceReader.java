package org.unbanpanel.evidence;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.fail2ban.LogSources;

/** Reads a jail's sources, files or journal, for the lines holding an address in some windows. */
final class SourceReader {

	private final LogFiles files;

	private final Journal journal;

	SourceReader(LogFiles files, Journal journal) {
		this.files = files;
		this.journal = journal;
	}

	/** Every source's lines in time order, their matching counts added up, every source's problems. */
	SourceLines read(LogSources sources, BanTarget address, List<Window> windows) {
		String text = searched(address);
		List<SourceLines> read = new ArrayList<>();
		for (String file : sources.files()) {
			read.add(files.read(Path.of(file), text, windows));
		}
		if (sources.journal()) {
			read.add(journal.read(sources.journalMatch(), text, windows));
		}
		List<LogLine> lines = read.stream()
			.flatMap(source -> source.lines().stream())
			.sorted(Comparator.comparingLong(LogLine::epochSecond))
			.toList();
		Long startsAt = read.stream().map(SourceLines::startsAt).filter(java.util.Objects::nonNull).max(Long::compare)
			.orElse(null);
		return new SourceLines(lines, read.stream().mapToInt(SourceLines::matching).sum(),
				read.stream().flatMap(source -> source.problems().stream()).toList(), startsAt);
	}

	/** The text lines hold the address as: an IPv4-mapped address is written as its IPv4 address, or contains it. */
	static String searched(BanTarget address) {
		List<String> keys = address.banKeys();
		return keys.get(keys.size() - 1);
	}

	/** The sources as the page names them. */
	static List<String> names(LogSources sources) {
		return sources.journal() ? List.of(Journal.source(sources.journalMatch())) : sources.files();
	}

}
