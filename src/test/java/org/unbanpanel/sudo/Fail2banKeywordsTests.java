package org.unbanpanel.sudo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How the keywords are read from fail2ban's source, on rows and lines as fail2ban 1.0.2 and 1.1.0 write them. */
class Fail2banKeywordsTests {

	@Test
	void readsTheLiteralWordsOfEveryCommandInTheProtocolTable() {
		String protocol = """
				protocol = [
				['', "BASIC", ""],
				["unban --all", "unbans all IP addresses (in all jails and database)"],
				["stat[istic]s", "gets the current statistics of all jails as table"],
				["set syslogsocket auto|<SOCKET>", "sets the syslog socket path to auto or <SOCKET>"],
				["set <JAIL> idle on|off", "sets the idle state of <JAIL>"],
				["set <JAIL> addlogpath <FILE> ['tail']", "adds <FILE> to the monitoring list of <JAIL>"],
				["status <JAIL> [FLAVOR]", "gets the current status of <JAIL>, with optional flavor or extended info"],
				["get <JAIL> banip [<SEP>|--with-time]", "gets the list of of banned IP addresses for <JAIL>. Optionally"
					"the separator character ('<SEP>', default is space)"],
				["banned <IP> ... <IP>]", "return list(s) of jails where given IP(s) are banned"],
				]
				""";

		assertThat(Fail2banKeywords.ofProtocol(protocol)).containsExactlyInAnyOrder("unban", "--all", "stats",
				"statistics", "set", "syslogsocket", "auto", "idle", "on", "off", "addlogpath", "tail", "status", "get",
				"banip", "--with-time", "banned");
	}

	@Test
	void readsTheWordsTheTransmitterComparesCommandsWith() {
		String transmitter = """
				if name == "ping":
					return "pong"
				elif name in ("stats", "statistic", "statistics"):
				elif name == "allowipv6":
				elif command[1] == "--all":
				elif command[1] == "idle":
					logSys.debug("Status: ready")
				""";

		assertThat(Fail2banKeywords.ofTransmitter(transmitter)).containsExactlyInAnyOrder("ping", "stats", "statistic",
				"statistics", "allowipv6", "--all", "idle");
	}

}
