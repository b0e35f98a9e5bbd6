package org.unbanpanel.fail2ban;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PythonLiteralTests {

	/**
	 * {@code fail2ban-client banned}, captured from fail2ban 1.0.2 (Debian 12) on this project's test server; sasl holds
	 * three non-addresses banned with {@code set sasl banip "it's" 'back\slash' $'tab\tx'} to capture real escapes.
	 */
	static final String BANNED = """
			[{'sshd': ['192.0.2.1', '2001:db8::6']}, {'ssh-ddos': []}, {'apache': ['192.0.2.1', '192.0.2.2', '198.51.100.0/24']}, {'dovecot': ['203.0.113.9']}, {'mxcp': []}, {'sasl': ["it's", 'back\\\\slash', 'tab\\tx']}]
			""";

	@Test
	void readsTheBannedListFail2banPrints() {
		Object value = PythonLiteral.parse(BANNED);

		assertThat(value).isEqualTo(List.of(Map.of("sshd", List.of("192.0.2.1", "2001:db8::6")), Map.of("ssh-ddos", List.of()),
				Map.of("apache", List.of("192.0.2.1", "192.0.2.2", "198.51.100.0/24")),
				Map.of("dovecot", List.of("203.0.113.9")), Map.of("mxcp", List.of()),
				Map.of("sasl", List.of("it's", "back\\slash", "tab\tx"))));
	}

	@Test
	void readsTheBannedAnswerForGivenAddresses() {
		// fail2ban-client banned 192.0.2.1 2001:db8::6, captured from fail2ban 1.0.2
		assertThat(PythonLiteral.parse("[['sshd', 'apache'], ['sshd']]\n"))
			.isEqualTo(List.of(List.of("sshd", "apache"), List.of("sshd")));
	}

	@Test
	void readsScalarsTuplesAndNesting() {
		assertThat(PythonLiteral.parse("(('Currently banned', 3), ('Total banned', -1),)"))
			.isEqualTo(List.of(List.of("Currently banned", 3L), List.of("Total banned", -1L)));
		assertThat(PythonLiteral.parse("[None, True, False, 0, 43200]"))
			.isEqualTo(Arrays.asList(null, true, false, 0L, 43200L));
		assertThat(PythonLiteral.parse(" { 'a' : { 'b' : [ ] } , 'c': {} } ")).isEqualTo(Map.of("a", Map.of("b", List.of()), "c", Map.of()));
		assertThat(PythonLiteral.parse("[]")).isEqualTo(List.of());
	}

	@Test
	void keepsTheOrderOfADict() {
		Map<?, ?> dict = (Map<?, ?>) PythonLiteral.parse("{'sshd': 1, 'apache': 2, 'dovecot': 3}");

		assertThat(List.<Object>copyOf(dict.keySet()))
			.containsExactly("sshd", "apache", "dovecot");
	}

	@Test
	void readsEveryEscapeReprWrites() {
		assertThat(PythonLiteral.parse("'a\\'b\\\\c\\n\\r\\t\\x41\\u00e9\\U0001F600\"'"))
			.isEqualTo("a'b\\c\n\r\tA\u00e9\uD83D\uDE00\"");
		assertThat(PythonLiteral.parse("\"it's\"")).isEqualTo("it's");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[", "['a'", "['a' 'b']", "{'a' 1}", "'open", "'bad \\q escape'", "'\\x4'", "[1] 2",
			"nothing", "Nonesuch", "-", "1.5", "['a',,]", "{'a': }" })
	void refusesWhatIsNotALiteralItReads(String text) {
		assertThatThrownBy(() -> PythonLiteral.parse(text)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("not a Python literal at character ");
	}

}
