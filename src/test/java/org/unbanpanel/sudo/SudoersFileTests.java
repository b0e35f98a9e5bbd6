package org.unbanpanel.sudo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.unbanpanel.demo.ProgramRun;
import org.unbanpanel.testsupport.SystemTools;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped sudoers rules as sudo's own tools read them: {@code visudo} checks the syntax, {@code cvtsudoers} gives
 * the aliases as sudo parsed them. Needs the sudo package, not root; what sudo decides is proven in
 * {@link SudoersIntegrationTests}.
 */
class SudoersFileTests {

	private static final String CVTSUDOERS = "/usr/bin/cvtsudoers";

	/** sudoers(5): "Regular expressions in sudoers are limited to 1024 characters". */
	private static final int MAX_REGULAR_EXPRESSION = 1024;

	/**
	 * The arguments of the keyword rule: {@code ^-- (status|get|set) (action|actionban|...)( .*)$}, a keyword in a
	 * jail's place with the rest of a command after it.
	 */
	private static final Pattern KEYWORD_RULE = Pattern
		.compile(Pattern.quote("^-- (status|get|set) (") + "([a-z0-9|-]+)" + Pattern.quote(")( .*)$"));

	@Test
	void visudoAcceptsTheShippedFile() {
		SystemTools.requireProgram(PrivateSudoers.VISUDO, "sudo");

		ProgramRun check = ProgramRun.of(List.of(PrivateSudoers.VISUDO, "-cf", PrivateSudoers.SHIPPED.toString()),
				Duration.ofSeconds(30));

		assertThat(check.exitCode()).as(check.stdout() + check.stderr()).isZero();
		assertThat(check.stdout()).contains("parsed OK");
	}

	/**
	 * sudo never matches a longer one, and visudo does not warn: a longer allowing rule would silently allow nothing,
	 * a longer denying one (the keyword rule) silently deny nothing.
	 */
	@Test
	void everyRegularExpressionFitsSudosLimit() {
		List<Rule> rules = regularExpressions();

		assertThat(rules).isNotEmpty();
		rules.forEach(rule -> assertThat(rule.arguments().length()).as("the arguments of %s", rule.alias())
			.isLessThanOrEqualTo(MAX_REGULAR_EXPRESSION));
	}

	@Test
	void theKeywordRuleNamesEveryWordOfTheInstalledFail2ban() {
		Matcher words = regularExpressions().stream()
			.filter(rule -> rule.alias().equals("UNBAN_PANEL_F2B_KEYWORD_AS_JAIL"))
			.map(rule -> KEYWORD_RULE.matcher(rule.arguments()))
			.filter(Matcher::matches)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no rule UNBAN_PANEL_F2B_KEYWORD_AS_JAIL of the form " + KEYWORD_RULE));
		Set<String> denied = Set.of(words.group(1).split("\\|"));

		Set<String> protocol = Fail2banKeywords.ofInstalledProtocol();
		Set<String> transmitter = Fail2banKeywords.ofInstalledTransmitter();
		assertThat(protocol).as("the keywords read from " + Fail2banKeywords.PROTOCOL).isNotEmpty();
		assertThat(transmitter).as("the keywords read from " + Fail2banKeywords.TRANSMITTER).isNotEmpty();

		// options start with "-", which the jail pattern itself never lets through
		assertThat(denied).containsAll(Stream.concat(protocol.stream(), transmitter.stream())
			.filter(word -> !word.startsWith("-"))
			.toList());
	}

	/** The regular expressions of the command aliases (the arguments after the program), as cvtsudoers parsed them. */
	private static List<Rule> regularExpressions() {
		SystemTools.requireProgram(CVTSUDOERS, "sudo");
		ProgramRun json = ProgramRun
			.of(List.of(CVTSUDOERS, "-f", "json", PrivateSudoers.SHIPPED.toString()), Duration.ofSeconds(30))
			.requireSuccess("cvtsudoers");
		List<Rule> rules = new ArrayList<>();
		JsonMapper.builder().build().readTree(json.stdout()).get("Command_Aliases").properties()
			.forEach(alias -> alias.getValue().forEach(command -> {
				String line = command.get("command").asString();
				String arguments = line.substring(line.indexOf(' ') + 1);
				if (arguments.startsWith("^")) {
					rules.add(new Rule(alias.getKey(), arguments));
				}
			}));
		return rules;
	}

	private record Rule(String alias, String arguments) {
	}

}
