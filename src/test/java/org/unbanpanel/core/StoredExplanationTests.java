package org.unbanpanel.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoredExplanationTests {

	@Test
	void readsBackWhatItWroteWithNestedSentencesAndNumbers() {
		Explanation hung = Explanation.of("fail2ban.hung", Explanation.of("command.timeout", "fail2ban-client", 10_000L));

		Explanation read = StoredExplanation.read(StoredExplanation.write(hung));

		assertThat(read).isEqualTo(hung);
		assertThat(read.english()).isEqualTo("fail2ban is not answering (the server may be hung): fail2ban-client did "
				+ "not answer within 10000 ms and was stopped");
	}

	@Test
	void keepsAToolsOwnWordsAsTheyWere() {
		Explanation refused = Explanation.of("fail2ban.refused", "Sorry but the jail 'x\"y' does not exist {0}");

		assertThat(StoredExplanation.read(StoredExplanation.write(refused))).isEqualTo(refused);
	}

	@Test
	void readsAnOlderPanelsPlainTextAsThatText() {
		assertThat(StoredExplanation.read("fail2ban refused: Sorry").english()).isEqualTo("fail2ban refused: Sorry");
		assertThat(StoredExplanation.read("{not json").english()).isEqualTo("{not json");
		assertThat(StoredExplanation.read(null)).isNull();
		assertThat(StoredExplanation.write(null)).isNull();
	}

}
