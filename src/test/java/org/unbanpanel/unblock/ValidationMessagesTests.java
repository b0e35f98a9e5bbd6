package org.unbanpanel.unblock;

import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.unbanpanel.audit.AuditAction;
import org.unbanpanel.core.AccountName;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every reason a value can be refused for has a sentence in messages.properties that names the value, and every audit
 * action has a name for the audit page.
 */
class ValidationMessagesTests {

	private static final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();

	static {
		messages.setBasename("messages/messages");
		messages.setDefaultEncoding("UTF-8");
	}

	static Stream<String> badAddresses() {
		return Stream.of("", "x".repeat(65), "fe80::1%eth0", "example.com", "192.168.010.1", "10.0.0.0/33", "-x",
				"1.2.3.4;id", "1.2.3", "１９２.１６８.０.１", "a b", "1.2.3.4\n");
	}

	static Stream<String> badUserNames() {
		return Stream.of("", "a".repeat(33), "root;id", "-r", "1000", "a b", "../etc/passwd");
	}

	@ParameterizedTest
	@MethodSource("badAddresses")
	void explainsEveryRefusedAddress(String value) {
		assertExplained(value, BanTarget::parse);
	}

	@ParameterizedTest
	@MethodSource("badUserNames")
	void explainsEveryRefusedUserName(String value) {
		assertExplained(value, AccountName::parse);
	}

	@ParameterizedTest
	@EnumSource(AuditAction.class)
	void namesEveryAuditAction(AuditAction action) {
		assertThat(messages.getMessage("audit.action." + action.name(), null, Locale.ENGLISH)).isNotBlank();
	}

	private static void assertExplained(String value, Function<String, ?> parser) {
		InvalidValueException refused = catchThrowableOfType(InvalidValueException.class, () -> parser.apply(value));

		String printable = InvalidValueException.printable(value);
		String sentence = messages.getMessage(refused.code(), new Object[] { printable }, Locale.ENGLISH);
		if (!value.isEmpty()) {
			assertThat(sentence).contains(printable.length() > 20 ? printable.substring(0, 20) : printable);
		}
	}

}
