package org.unbanpanel.fail2ban;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.unbanpanel.core.BanTarget;
import org.unbanpanel.core.InvalidValueException;
import org.unbanpanel.exec.CommandRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;
import static org.unbanpanel.exec.CommandRunners.ok;

/**
 * The jails' ignore lists: the parser fed with what fail2ban 1.0.2 (Debian 12) printed on this machine for
 * {@code get sshd ignoreip} against a private server, and the commands the adapter builds.
 */
class IgnoreListTests {

	/** Captured after {@code set sshd addignoreip 203.0.113.50 2001:db8::/48 10.1.2.0/24}. */
	static final String THREE_IGNORED = """
			These IP addresses/networks are ignored:
			|- 2001:db8::/48
			|- 10.1.2.0/24
			`- 203.0.113.50
			""";

	static final String NONE_IGNORED = "No IP address/network is ignored\n";

	private final CommandRunner runner = mock(CommandRunner.class);

	private final CommandFail2ban fail2ban = new CommandFail2ban(runner,
			new Fail2banProperties(List.of("fail2ban-client")));

	/**
	 * Captured after {@code set sshd addignoreip 203.0.113.50 $'x\ny' $'q\n|- 10.0.0.0/8' $'tab\tx' 2001:db8::/48}:
	 * fail2ban keeps what is not an address as a name, and cuts a name at its '/'.
	 */
	static final String HOSTILE_IGNORED = """
			These IP addresses/networks are ignored:
			|- x
			y
			|- q
			|- 10.0.0.0
			|- tab\tx
			|- 2001:db8::/48
			`- 203.0.113.50
			""";

	@Test
	void readsEveryEntryOfAnIgnoreList() {
		assertThat(Fail2banOutput.ignoreList(THREE_IGNORED).entries()).containsExactly("2001:db8::/48", "10.1.2.0/24",
				"203.0.113.50");
		assertThat(Fail2banOutput.ignoreList(NONE_IGNORED).entries()).isEmpty();
	}

	@Test
	void setsApartTheEntriesHoldingANewlineOrAnotherControlCharacter() {
		Fail2banOutput.IgnoreList list = Fail2banOutput.ignoreList(HOSTILE_IGNORED);

		assertThat(list.unreadable()).containsExactly("x\ny", "tab\tx");
		// '10.0.0.0' is the second line of the entry "q\n|- 10.0.0.0/8": fail2ban's text cannot tell it from an entry
		assertThat(list.entries()).containsExactly("q", "10.0.0.0", "2001:db8::/48", "203.0.113.50");
	}

	@Test
	void takesWhatFollowsTheLastEntryForPartOfIt() {
		Fail2banOutput.IgnoreList list = Fail2banOutput
			.ignoreList("These IP addresses/networks are ignored:\n|- 203.0.113.50\n`- x\n|- 10.0.0.0/8\n");

		assertThat(list.entries()).containsExactly("203.0.113.50");
		assertThat(list.unreadable()).containsExactly("x\n|- 10.0.0.0/8");
	}

	@Test
	void refusesOutputOfAnotherShape() {
		assertThatThrownBy(() -> Fail2banOutput.ignoreList("Sorry but the command is invalid\n"))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("get ignoreip");
		assertThatThrownBy(() -> Fail2banOutput.ignoreList("These IP addresses/networks are ignored:\nnonsense\n"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void addsEveryTargetToEachJailInOneRunPerJail() {
		when(runner.run(anyList())).thenReturn(ok(""));

		fail2ban.addIgnore(List.of("sshd", "dovecot"), targets("203.0.113.7", "2001:DB8::6", "203.0.113.7"));

		InOrder order = inOrder(runner);
		order.verify(runner).run(command("set", "sshd", "addignoreip", "203.0.113.7", "2001:db8::6"));
		order.verify(runner).run(command("set", "dovecot", "addignoreip", "203.0.113.7", "2001:db8::6"));
		verifyNoMoreInteractions(runner);
	}

	@Test
	void removesOnlyTheEntriesEachJailHoldsOneRunPerEntry() {
		when(runner.run(command("get", "sshd", "ignoreip"))).thenReturn(ok(THREE_IGNORED));
		when(runner.run(command("get", "sasl", "ignoreip"))).thenReturn(ok(NONE_IGNORED));
		when(runner.run(command("set", "sshd", "delignoreip", "203.0.113.50"))).thenReturn(ok(""));
		when(runner.run(command("set", "sshd", "delignoreip", "2001:db8::/48"))).thenReturn(ok(""));

		fail2ban.removeIgnore(List.of("sshd", "sasl"), targets("203.0.113.50", "2001:db8:0::/48", "198.51.100.1"));

		InOrder order = inOrder(runner);
		order.verify(runner).run(command("get", "sshd", "ignoreip"));
		order.verify(runner).run(command("set", "sshd", "delignoreip", "2001:db8::/48"));
		order.verify(runner).run(command("set", "sshd", "delignoreip", "203.0.113.50"));
		order.verify(runner).run(command("get", "sasl", "ignoreip"));
		verifyNoMoreInteractions(runner);
	}

	@Test
	void refusesAJailNameThatCouldBeAnOptionBeforeRunningAnything() {
		assertThatThrownBy(() -> fail2ban.addIgnore(List.of("--all"), targets("203.0.113.7")))
			.isInstanceOf(InvalidValueException.class);
		assertThatThrownBy(() -> fail2ban.ignored("-h")).isInstanceOf(InvalidValueException.class);
		verifyNoInteractions(runner);
	}

	private static List<BanTarget> targets(String... values) {
		return List.of(values).stream().map(BanTarget::parse).toList();
	}

	private static List<String> command(String... words) {
		return Stream.concat(Stream.of("fail2ban-client", "--"), Stream.of(words)).toList();
	}

}
