package org.unbanpanel.fail2ban;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandRunner;

/**
 * The reads of one host's fail2ban, as its {@link #fail2ban() Fail2ban} and its {@link #settings() JailSettings}: the
 * adapter with bounded work per request. Every read of fail2ban's state is shared:
 * a read asked for while the same read is under way waits for that run instead of starting its own, and its answer
 * serves repeats for {@link ReadsProperties#freshFor}. A release (unban, addignoreip, delignoreip) ends that at once,
 * so no read started before it is taken for the state after it. When fail2ban answers nothing for
 * {@link ReadsProperties#answerWithin}, a read answers with the last state fail2ban reported for it, and
 * {@link #notAnsweringSince} says since when, so the pages can say so; the run goes on in the background and its answer
 * serves the next read. A read fail2ban never answered before fails at once while fail2ban is silent. Writes are
 * never shared or cached, and always wait for fail2ban; so does {@link Fail2ban#whereBannedNow}, the read a job's result
 * rests on. The jails' settings ({@link #settings}) are shared reads too, fresh for much longer. Work on the runs
 * themselves is bounded by the command runner, which starts at most {@code panel.commands.max-concurrent}
 * fail2ban-client processes at once, and the runs of every host's reads share the threads of {@link ReadRuns}.
 */
final class SharedReads {

	/** Reads kept with their last answer, at most; the ones idle longest are dropped first (lookups of many addresses). */
	static final int MAX_KEPT = 1_000;

	private final Fail2ban adapter;

	private final Duration freshFor;

	private final Duration settingsFreshFor;

	private final Duration answerWithin;

	private final Clock clock;

	private final Liveness liveness = new Liveness();

	private final ConcurrentMap<List<?>, Read<?>> reads = new ConcurrentHashMap<>();

	/** Counts the releases: an answer to a read started before the last release is no longer fresh. */
	private final AtomicLong releases = new AtomicLong();

	/** Counts the changes of the jail set the reads saw: a setting read before the last one is no longer fresh. */
	private final AtomicLong jailSetChanges = new AtomicLong();

	private final AtomicReference<Set<String>> knownJails = new AtomicReference<>();

	private final Executor runs;

	private final Fail2ban fail2ban = new SharedFail2ban();

	private final JailSettings settings;

	SharedReads(Fail2ban adapter, JailSettings settings, ReadsProperties properties, Clock clock, Executor runs) {
		this.adapter = adapter;
		this.runs = runs;
		this.settings = new SharedSettings(settings);
		this.freshFor = properties.freshFor();
		this.settingsFreshFor = properties.settingsFreshFor();
		this.answerWithin = properties.answerWithin();
		this.clock = clock;
	}

	/**
	 * The shared reads of the fail2ban-client that {@code runner} runs, with {@code properties}, and of its jails'
	 * settings, run on {@code runs} (every host's: {@link ReadRuns}).
	 */
	static SharedReads over(CommandRunner runner, Fail2banProperties properties, ReadsProperties reads, Clock clock,
			Executor runs) {
		return new SharedReads(new CommandFail2ban(runner, properties), new CommandJailSettings(runner, properties),
				reads, clock, runs);
	}

	/** The {@link Fail2ban} these reads answer: its reads shared, its writes passed on. */
	Fail2ban fail2ban() {
		return fail2ban;
	}

	/**
	 * The jail settings, shared like the reads of fail2ban's state, with the same last known state while fail2ban is
	 * silent, but fresh for {@link ReadsProperties#settingsFreshFor}: settings change only when fail2ban reloads. A
	 * release through the panel (addignoreip changes a jail's ignore list) and a change in the jail set these reads see
	 * end that at once.
	 */
	JailSettings settings() {
		return settings;
	}

	private <T> T read(List<?> key, Supplier<T> source) {
		return read(key, source, freshFor, releases::get);
	}

	/**
	 * @param changes counts up at every change that ends an answer's freshness at once; a run started before one is
	 * not shared with a read after it
	 */
	@SuppressWarnings("unchecked")
	private <T> T read(List<?> key, Supplier<T> source, Duration fresh, LongSupplier changes) {
		if (reads.size() >= MAX_KEPT) {
			forgetIdlest();
		}
		return ((Read<T>) reads.computeIfAbsent(key, k -> new Read<>(source, fresh, changes))).get();
	}

	private long settingsChanges() {
		return releases.get() + jailSetChanges.get();
	}

	private void saw(List<String> jails) {
		Set<String> before = knownJails.getAndSet(Set.copyOf(jails));
		if (before != null && !before.equals(Set.copyOf(jails))) {
			jailSetChanges.incrementAndGet();
		}
	}

	private <T> T release(Supplier<T> change) {
		try {
			return observed(change);
		}
		finally {
			releases.incrementAndGet();
		}
	}

	/** Runs one call to the adapter, telling {@link #liveness} when it started and how it ended. */
	private <T> T observed(Supplier<T> call) {
		return observed(call, liveness.started(clock.instant()));
	}

	private <T> T observed(Supplier<T> call, long started) {
		try {
			T value = call.get();
			liveness.ended(started, null);
			return value;
		}
		catch (RuntimeException ex) {
			liveness.ended(started, ex);
			throw ex;
		}
	}

	private void forgetIdlest() {
		reads.entrySet()
			.stream()
			.filter(entry -> entry.getValue().idle())
			.sorted(Comparator.comparing(entry -> entry.getValue().lastAnswered()))
			.limit(reads.size() - MAX_KEPT * 3 / 4)
			.map(Map.Entry::getKey)
			.toList()
			.forEach(reads::remove);
	}

	Optional<Instant> notAnsweringSince() {
		return liveness.silentSince(clock.instant(), answerWithin);
	}

	private boolean silent() {
		return notAnsweringSince().isPresent();
	}

	private Fail2banException notAnswering() {
		return silentFor(notAnsweringSince().map(since -> Duration.between(since, clock.instant())).orElse(answerWithin));
	}

	/** What a read that fail2ban's silence stops says. */
	static Fail2banException silentFor(Duration silence) {
		return new Fail2banException(Fail2banException.Reason.UNREACHABLE,
				Explanation.of("fail2ban.silent", Fail2banHealth.wholeSeconds(silence).toSeconds()));
	}

	private static <T> T join(CompletableFuture<T> answer) {
		try {
			return answer.get();
		}
		catch (ExecutionException ex) {
			throw unwrapped(ex);
		}
		catch (InterruptedException ex) {
			throw stopping(ex);
		}
	}

	/** Waits for the answer at most {@code millis}; whether and how it came is for the caller to look at. */
	private static void awaitUpTo(CompletableFuture<?> answer, long millis) {
		try {
			answer.get(millis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// looked at by the caller
		}
		catch (InterruptedException ex) {
			throw stopping(ex);
		}
	}

	private static Fail2banException stopping(InterruptedException ex) {
		Thread.currentThread().interrupt();
		return new Fail2banException(Fail2banException.Reason.UNREACHABLE, Explanation.of("fail2ban.shuttingDown"), ex);
	}

	private static RuntimeException unwrapped(ExecutionException ex) {
		return ex.getCause() instanceof RuntimeException cause ? cause
				: new Fail2banException(Fail2banException.Reason.UNREACHABLE,
						Explanation.of("fail2ban.hung", String.valueOf(ex.getCause())), ex);
	}

	/** An answer, when it arrived, and the run it came from. */
	private record Answer<T>(T value, Instant arrived, Run<T> run) {
	}

	/** A run under way: what it will answer, when it started, and how many changes came before it. */
	private record Run<T>(CompletableFuture<T> answer, Instant started, long changesBefore) {
	}

	/** {@link Fail2ban} through {@link #read}: every read shared, every write a {@link #release}. */
	private final class SharedFail2ban implements Fail2ban {

		@Override
		public String version() {
			return read(List.of("version"), adapter::version);
		}

		@Override
		public List<String> jails() {
			List<String> jails = read(List.of("jails"), adapter::jails);
			saw(jails);
			return jails;
		}

		@Override
		public List<JailStatus> statusOfAllJails() {
			List<JailStatus> jails = read(List.of("statusOfAllJails"), adapter::statusOfAllJails);
			saw(jails.stream().map(JailStatus::name).toList());
			return jails;
		}

		@Override
		public JailStatus status(String jail) {
			return read(List.of("status", jail), () -> adapter.status(jail));
		}

		@Override
		public BanList banList(String jail) {
			return read(List.of("banList", jail), () -> adapter.banList(jail));
		}

		@Override
		public Map<BanTarget, List<HeldBan>> whereBanned(Collection<BanTarget> targets) {
			List<BanTarget> distinct = List.copyOf(new LinkedHashSet<>(targets));
			return read(List.of("whereBanned", distinct), () -> adapter.whereBanned(distinct));
		}

		@Override
		public Map<BanTarget, List<HeldBan>> whereBannedNow(Collection<BanTarget> targets) {
			return observed(() -> adapter.whereBanned(targets));
		}

		@Override
		public List<String> ignored(String jail) {
			return read(List.of("ignored", jail), () -> adapter.ignored(jail));
		}

		@Override
		public Unbanned unban(Collection<String> entries) {
			return release(() -> adapter.unban(entries));
		}

		@Override
		public Unbanned unban(String jail, Collection<String> entries) {
			return release(() -> adapter.unban(jail, entries));
		}

		@Override
		public void addIgnore(Collection<String> jails, Collection<BanTarget> targets) {
			release(() -> {
				adapter.addIgnore(jails, targets);
				return null;
			});
		}

		@Override
		public void removeIgnore(Collection<String> jails, Collection<BanTarget> targets) {
			release(() -> {
				adapter.removeIgnore(jails, targets);
				return null;
			});
		}

		@Override
		public Optional<Instant> notAnsweringSince() {
			return SharedReads.this.notAnsweringSince();
		}

	}

	/** {@link JailSettings} through {@link #read}, each a read of its own by setting and jail. */
	private final class SharedSettings implements JailSettings {

		private final JailSettings commands;

		SharedSettings(JailSettings commands) {
			this.commands = commands;
		}

		@Override
		public LogSources logSources(String jail) {
			return setting("logSources", jail, () -> commands.logSources(jail));
		}

		@Override
		public Duration findTime(String jail) {
			return setting("findTime", jail, () -> commands.findTime(jail));
		}

		@Override
		public JailRules rules(String jail) {
			return setting("rules", jail, () -> commands.rules(jail));
		}

		@Override
		public String logTarget() {
			return read(List.of("logTarget"), commands::logTarget, settingsFreshFor, SharedReads.this::settingsChanges);
		}

		/** A jail that is not one is refused here, before it becomes a read's key. */
		private <T> T setting(String name, String jail, Supplier<T> source) {
			return read(List.of(name, Fail2banClient.checkJail(jail)), source, settingsFreshFor,
					SharedReads.this::settingsChanges);
		}

	}

	/** One read, by its key: its last answer and its run under way. */
	private final class Read<T> {

		private final Supplier<T> source;

		private final Duration fresh;

		private final LongSupplier changes;

		private Answer<T> last;

		private Run<T> running;

		Read(Supplier<T> source, Duration fresh, LongSupplier changes) {
			this.source = source;
			this.fresh = fresh;
			this.changes = changes;
		}

		T get() {
			Instant now = clock.instant();
			long changed = changes.getAsLong();
			Run<T> run;
			Answer<T> known;
			synchronized (this) {
				if (fresh(last, now, changed)) {
					return last.value();
				}
				if (running == null || running.changesBefore() != changed) {
					running = start(now, changed);
				}
				run = running;
				known = last;
			}
			return await(run, known);
		}

		/**
		 * Waits for the run, unless fail2ban is silent and the last answer can stand in for it: at once when it is
		 * silent already, else as soon as it has been for {@link ReadsProperties#answerWithin}. While fail2ban answers
		 * other calls, a slow read is waited for. A read fail2ban never answered waits for its run, unless fail2ban was
		 * silent already when that run started: then it fails at once.
		 */
		private T await(Run<T> run, Answer<T> known) {
			Optional<Instant> silentSince = notAnsweringSince();
			if (known == null && silentSince.filter(since -> since.isBefore(run.started())).isPresent()) {
				throw notAnswering();
			}
			if (known == null) {
				return join(run.answer());
			}
			long slice = Math.max(10, answerWithin.toMillis() / 10);
			while (!run.answer().isDone() && !silent()) {
				awaitUpTo(run.answer(), slice);
			}
			return run.answer().isDone() ? join(run.answer()) : known.value();
		}

		private boolean fresh(Answer<T> answer, Instant now, long changed) {
			return answer != null && answer.run().changesBefore() == changed
					&& Duration.between(answer.arrived(), now).compareTo(fresh) < 0;
		}

		/**
		 * Shared from now on, but a call to fail2ban, for {@link #liveness}, only once a thread of the pool takes it up:
		 * waiting for a thread is not fail2ban's silence.
		 */
		private Run<T> start(Instant now, long changed) {
			Run<T> run = new Run<>(new CompletableFuture<>(), now, changed);
			runs.execute(() -> {
				try {
					T value = observed(source);
					ended(run, value);
					run.answer().complete(value);
				}
				catch (RuntimeException | Error ex) {
					ended(run, null);
					run.answer().completeExceptionally(ex);
				}
			});
			return run;
		}

		/** Keeps the answer unless one from a later run is kept already. */
		private synchronized void ended(Run<T> run, T value) {
			if (value != null && (last == null || !run.started().isBefore(last.run().started()))) {
				last = new Answer<>(value, clock.instant(), run);
			}
			if (running == run) {
				running = null;
			}
		}

		synchronized boolean idle() {
			return running == null;
		}

		synchronized Instant lastAnswered() {
			return last == null ? Instant.MIN : last.arrived();
		}

	}

}
