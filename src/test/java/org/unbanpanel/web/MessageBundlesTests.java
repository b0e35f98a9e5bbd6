package org.unbanpanel.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.core.TrustPeriod;
import org.unbanpanel.evidence.Evidence;
import org.unbanpanel.evidence.SourceProblem;
import org.unbanpanel.fail2ban.Fail2banException;
import org.unbanpanel.fail2ban.HeldBan;
import org.unbanpanel.jobs.ItemKind;
import org.unbanpanel.jobs.ItemState;
import org.unbanpanel.jobs.JobState;
import org.unbanpanel.pam.AccountLockException;
import org.unbanpanel.pam.LockState;
import org.unbanpanel.testsupport.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The three bundles say the same things: every key of the English bundle is in the Spanish and Catalan ones and no
 * other, every key is used by a template or by the code, every key a template names exists, and every pattern is one
 * MessageFormat pattern (every message is one, {@code spring.messages.always-use-message-format}: an apostrophe is
 * written {@code ''}).
 */
class MessageBundlesTests {

	static final Path TEMPLATES = Path.of("src/main/resources/templates");

	static final Path SOURCES = Path.of("src/main/java");

	/** Keys a template or class builds from a prefix and a value of a known set. */
	private static final Map<String, Set<String>> BUILT = Map.ofEntries(
			Map.entry("job.state.", names(JobState.values())),
			Map.entry("audit.action.", names(AuditAction.values())),
			Map.entry("trust.period.",
					Arrays.stream(TrustPeriod.values()).map(TrustPeriod::param).collect(Collectors.toSet())),
			Map.entry("language.", Set.of("en", "es", "ca", "label")),
			Map.entry("menu.", Set.of("unblock", "lookup", "trusts", "links", "jails", "accounts", "jobs", "hosts", "notices", "audit")),
			Map.entry("links.state.", Set.of("ACTIVE", "USED_UP", "EXPIRED", "REVOKED")),
			Map.entry("links.outcome.", Set.of("RELEASED", "NOT_BANNED", "ADMIN_ONLY", "USED_UP", "EXPIRED", "REVOKED")),
			// the hosts page words each host's HostStatus.Reachability and each HostTool's name
			Map.entry("hosts.reachability.",
					Set.of("LOCAL", "NOT_TRIED", "REACHABLE", "UNREACHABLE", "KEY_MISMATCH", "NOT_AUTHORIZED")),
			Map.entry("hosts.tool.", Set.of("fail2ban", "accounts")),
			// notify.NoticeState, and the kinds notify.NoticeTriggers and notify.Fail2banOutage hand to Notices.add
			Map.entry("notices.state.", Set.of("PENDING", "SENT", "FAILED")),
			Map.entry("notice.kind.",
					Set.of("banned-again", "banned-again-on-host", "job-failed", "fail2ban-unreachable", "fail2ban-answers-again",
							"fail2ban-unreachable-on-host", "fail2ban-answers-again-on-host",
							"release-link-used")),
			Map.entry("time.unit.", Set.of("d", "h", "min", "s")),
			Map.entry("error.status.", Set.of("400", "401", "403", "404", "405", "500")),
			Map.entry("job.item.", jobItemKeys()),
			Map.entry("job.error.", jobErrorKeys()),
			Map.entry("lookup.overlap.", names(HeldBan.Overlap.values())),
			Map.entry("evidence.kind.", names(Evidence.Kind.values())),
			Map.entry("evidence.problem.", names(SourceProblem.Reason.values())),
			Map.entry("lock.", names(LockState.Status.values())));

	/** Keys that frameworks look up by their own convention. */
	private static final Pattern CONVENTIONS = Pattern
		.compile("(Size|Min|Max|typeMismatch)\\.[a-z]+Form\\.[a-z]+|problemDetail\\.(title\\.)?org\\.springframework\\..+");

	@Test
	void spanishAndCatalanHaveExactlyTheEnglishKeys() {
		Set<String> english = bundle("").stringPropertyNames();
		for (String language : List.of("_es", "_ca")) {
			assertThat(new TreeSet<>(bundle(language).stringPropertyNames())).as("keys of messages%s", language)
				.isEqualTo(new TreeSet<>(english));
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "_es", "_ca" })
	void noValueIsEmpty(String language) {
		Properties bundle = bundle(language);
		assertThat(bundle.stringPropertyNames().stream().filter(key -> bundle.getProperty(key).isBlank()))
			.as("empty messages in messages%s", language)
			.isEmpty();
	}

	@Test
	void everyKeyIsUsed() {
		String code = sources(SOURCES, ".java") + sources(TEMPLATES, ".html");
		assertThat(new TreeSet<>(bundle("").stringPropertyNames()).stream()
			.filter(key -> !used(key, code))).as("keys nothing uses").isEmpty();
	}

	@Test
	void everyKeyATemplateNamesExists() {
		Set<String> keys = bundle("").stringPropertyNames();
		Matcher named = Pattern.compile("#\\{([A-Za-z][\\w.]*)").matcher(sources(TEMPLATES, ".html"));
		Set<String> missing = new TreeSet<>();
		while (named.find()) {
			if (!keys.contains(named.group(1))) {
				missing.add(named.group(1));
			}
		}
		assertThat(missing).as("keys templates name that no bundle has").isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "_es", "_ca" })
	void everyPatternReadsAsWritten(String language) {
		Properties bundle = bundle(language);
		Locale locale = Locale.forLanguageTag(language.isEmpty() ? "en" : language.substring(1));
		for (String key : bundle.stringPropertyNames()) {
			String pattern = bundle.getProperty(key);
			assertThat(pattern.replace("''", "")).as("%s%s: an apostrophe is written ''", key, language)
				.doesNotContain("'");
			new MessageFormat(pattern, locale).format(new Object[] { 1, 2, 3, 4 });
		}
	}

	@Test
	void pluralsReadNaturallyInEachLanguage() {
		assertThat(format("", "jail.count", 0)).isEqualTo("No banned address");
		assertThat(format("", "jail.count", 1)).isEqualTo("1 banned address");
		assertThat(format("", "jail.count", 2500)).isEqualTo("2,500 banned addresses");
		assertThat(format("_es", "jail.count", 1)).isEqualTo("1 dirección bloqueada");
		assertThat(format("_es", "jail.count", 3)).isEqualTo("3 direcciones bloqueadas");
		assertThat(format("_ca", "jail.count", 3)).isEqualTo("3 adreces bloquejades");
		assertThat(format("_ca", "job.item.CLEARED", 1)).isEqualTo("1 intent fallit esborrat");
	}

	private static boolean used(String key, String code) {
		if (code.contains("\"" + key + "\"") || code.contains("#{" + key) || code.contains("'" + key + "'")
				|| CONVENTIONS.matcher(key).matches()) {
			return true;
		}
		return BUILT.entrySet()
			.stream()
			.anyMatch(built -> key.startsWith(built.getKey())
					&& built.getValue().contains(key.substring(built.getKey().length())));
	}

	private static Set<String> jobItemKeys() {
		Set<String> keys = new TreeSet<>(names(ItemState.values()));
		for (ItemState state : ItemState.values()) {
			Arrays.stream(ItemKind.values()).forEach(kind -> keys.add(state.name() + "." + kind.name()));
		}
		return keys;
	}

	/** The codes of a job's {@code Failure}: the page words each as {@code job.error.<code>}. */
	private static Set<String> jobErrorKeys() {
		Set<String> keys = new TreeSet<>(Set.of("legacy", "waiting", "allFailed", "unexpected", "value.invalid", "cancelled",
				"fail2ban.stillBanned", "fail2ban.blockedByNetwork", "waiting.accounts", "waiting.unfinished", "unfinished",
				"host.unknown"));
		names(Fail2banException.Reason.values()).forEach(reason -> keys.add("fail2ban." + reason));
		names(AccountLockException.Reason.values()).forEach(reason -> keys.add("account." + reason));
		return keys;
	}

	private static Set<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
	}

	private static String format(String language, String key, Object... arguments) {
		Locale locale = Locale.forLanguageTag(language.isEmpty() ? "en" : language.substring(1));
		return new MessageFormat(bundle(language).getProperty(key), locale).format(arguments);
	}

	static Properties bundle(String language) {
		return Messages.bundle(language.isEmpty() ? "en" : language.substring(1));
	}

	static String sources(Path root, String suffix) {
		return files(root, path -> path.toString().endsWith(suffix)).stream().map(MessageBundlesTests::read)
			.collect(Collectors.joining("\n"));
	}

	static List<Path> files(Path root, Predicate<Path> filter) {
		try (Stream<Path> paths = Files.walk(root)) {
			return paths.filter(Files::isRegularFile).filter(filter).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
