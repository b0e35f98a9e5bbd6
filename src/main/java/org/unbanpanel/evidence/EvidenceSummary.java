package org.unbanpanel.evidence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.evidence.Evidence.AccountCount;
import org.unbanpanel.evidence.Evidence.Kind;
import org.unbanpanel.evidence.Evidence.Line;
import org.unbanpanel.evidence.Evidence.ServiceCount;

/**
 * Turns the lines that hold an address into the evidence about it. A line of a service {@link LineReader} reads
 * counts when it names the address as its client; one naming another client is left out (the address was only in
 * a field a client chose); one that can be read both ways is counted as unclear. A line of another program counts
 * as about the address when it holds it as a whole word.
 */
final class EvidenceSummary {

	/** A line about the address, and what it says. */
	record Attributed(LogLine line, Kind kind, Reading reading) {
	}

	private EvidenceSummary() {
	}

	static Evidence of(String jail, BanTarget address, Instant banStart, Duration findTime, List<String> sources,
			SourceLines read, int shownLines, int lineLength) {
		List<Attributed> about = new ArrayList<>();
		int unclear = 0;
		for (LogLine line : read.lines()) {
			Optional<Reading> reading = line.reading();
			if (reading.isPresent() && reading.get().kind() == Reading.Kind.UNCLEAR) {
				unclear++;
			}
			else if (reading.isPresent() && reading.get().names(address)) {
				about.add(new Attributed(line, reading.get().kind() == Reading.Kind.FAILURE ? Kind.FAILURE : Kind.EVENT,
						reading.get()));
			}
			else if (reading.isEmpty() && HostText.holdsAsWord(line.body(), address)) {
				about.add(new Attributed(line, Kind.OTHER, null));
			}
		}
		List<Attributed> failures = about.stream().filter(line -> line.kind() == Kind.FAILURE).toList();
		int notKept = read.matching() - read.lines().size();
		List<Line> shown = about.subList(Math.max(0, about.size() - shownLines), about.size())
			.stream()
			.map(line -> line(line, lineLength))
			.toList();
		return new Evidence(jail, address.value(), banStart, findTime, failures.size(),
				failures.isEmpty() ? null : instant(failures.get(0)),
				failures.isEmpty() ? null : instant(failures.get(failures.size() - 1)), services(failures),
				accounts(failures), shown, about.size() - shown.size() + Math.max(0, notKept), unclear, sources,
				read.problems(), read.startsAt() == null ? null : Instant.ofEpochSecond(read.startsAt()), null);
	}

	private static List<ServiceCount> services(List<Attributed> failures) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		failures.forEach(line -> counts.merge(line.reading().service(), 1, Integer::sum));
		return counts.entrySet()
			.stream()
			.map(count -> new ServiceCount(count.getKey(), count.getValue()))
			.sorted(Comparator.comparingInt(ServiceCount::failures).reversed())
			.toList();
	}

	private static List<AccountCount> accounts(List<Attributed> failures) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		Map<String, Set<String>> services = new LinkedHashMap<>();
		for (Attributed line : failures) {
			String account = line.reading().account();
			if (account != null) {
				counts.merge(account, 1, Integer::sum);
				services.computeIfAbsent(account, name -> new LinkedHashSet<>()).add(line.reading().service());
			}
		}
		return counts.entrySet()
			.stream()
			.map(count -> new AccountCount(count.getKey(), count.getValue(), List.copyOf(services.get(count.getKey()))))
			.sorted(Comparator.comparingInt(AccountCount::failures).reversed())
			.toList();
	}

	private static Line line(Attributed line, int lineLength) {
		return new Line(instant(line), line.kind(), line.reading() == null ? null : line.reading().service(),
				LineText.shown(line.line().text(), lineLength));
	}

	private static Instant instant(Attributed line) {
		return Instant.ofEpochSecond(line.line().epochSecond());
	}

}
