package org.unbanpanel.evidence;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.unbanpanel.evidence.Reading.Kind;

/**
 * Reads the lines of the services whose failed logins fail2ban's stock jails count: OpenSSH, Dovecot, Postfix's SASL
 * authentication, Apache's authentication modules, PAM, and the panel's own auth log, in the formats Debian's packages
 * write them (and fail2ban's filters read them: the sample lines of Debian's fail2ban package are the tests).
 * <p>
 * Each service's line is its program tag, its own words, and fields a client chose (the user name, a URL). A crafted
 * user name can imitate the service's words ({@code "test from 192.0.2.1"}), so every line is read twice: once taking
 * the chosen field as long as it can be, once as short. When both readings name the same client and account, that is
 * what the line says. When they name different clients the line is {@link Kind#UNCLEAR} and counts for nobody; when
 * only the accounts differ, the account is left unnamed.
 */
final class LineReader {

	/** The end of many sshd messages: a port, a listening address, the preauth mark. */
	private static final String SSH_SUFFIX = "(?: (?:port \\d+|on \\S+|\\[preauth\\])){0,3}\\s*";

	private static final String PORT = "(?: port \\d+)?";

	/** sshd writes at most 100 characters of a user name ({@code %.100s}): a longer one is a misreading. */
	private static final int SSHD_MAX_USER = 100;

	/** pam_unix's line for a failed Dovecot login, logged under Dovecot's own tag or under {@code auth}. */
	private static final String DOVECOT_PAM = "pam_\\w+\\(dovecot:auth\\): authentication failure; logname=\\S* uid=\\S* euid=\\S* tty=\\S* ruser=\\S* rhost={host}(?:\\s+user=(?<user>\\S*))?\\s*";

	private static final List<Family> FAMILIES = List.of(
			Family.claiming("(?:\\S+ )?(?:\\[sshd\\]|sshd(?:-session)?(?:\\[\\d+\\])?):? (?:\\[ID \\d+ \\S+\\] )?(?:(?:error|fatal): (?:PAM: )?)?",
					tag -> "ssh", SSHD_MAX_USER,
					failure("[aA]uthentication (?:failure|error|failed) for {user} from {host}(?: via \\S+)?" + SSH_SUFFIX),
					failure("User not known to the underlying authentication module for {user} from {host}" + SSH_SUFFIX),
					failure("Failed (?!publickey )\\S+ for (?:invalid user )?{user} from {host}" + PORT + "(?: on \\S+)?(?: ssh\\d*)?(?:: .*)?"),
					event("Failed publickey for (?:invalid user )?{user} from {host}" + PORT + "(?: ssh\\d*)?(?:: \\S+ \\S+)?"),
					failure("ROOT LOGIN REFUSED FROM {host}" + SSH_SUFFIX),
					failure("[iI](?:llegal|nvalid) user {user} from {host}" + SSH_SUFFIX),
					failure("User {user} from {host} not allowed because (?:not listed in AllowUsers|listed in DenyUsers|not in any group|a group is listed in DenyGroups|none of user's groups are listed in AllowGroups)" + SSH_SUFFIX),
					failure("refused connect from \\S+ \\({host}\\)"),
					failure("Received disconnect from {host}" + PORT + ":\\s*3: .*: Auth fail" + SSH_SUFFIX),
					failure("maximum authentication attempts exceeded for (?:invalid user )?{user} from {host}" + PORT + "(?: ssh\\d*)?" + SSH_SUFFIX),
					failure("Disconnecting(?: from)? (?:invalid|authenticating) user (?<user>\\S+) {host}" + PORT + ":\\s*Change of username or service not allowed:\\s*.*\\[preauth\\]\\s*"),
					event("pam_\\w+\\(sshd:auth\\):\\s+authentication failure;(?:\\s+(?:logname|e?uid|tty)=\\S*){0,4}\\s+ruser=\\S*\\s+rhost={host}(?:\\s+user=(?<user>\\S*))?" + SSH_SUFFIX),
					event("(?:Connection (?:closed|reset)|Disconnected) (?:by|from)(?: (?:invalid|authenticating) user {user})? {host}" + SSH_SUFFIX),
					event("Accepted \\S+ for (?<user>\\S+) from {host}" + PORT + "(?: ssh\\d*)?(?:: .*)?"),
					event("Connection from {host} port \\d+ on \\S+ port \\d+(?: rdomain \\S*)?"),
					event("Received disconnect from {host}" + PORT + ":.*"),
					event("(?:Did not receive identification string|Bad protocol version identification '.*'|Unable to negotiate) (?:from|with) {host}" + PORT + "(?:: .*)?"),
					event("banner exchange: Connection from {host}" + PORT + ": invalid format")),
			Family.claiming("(?:\\S+ )?(?:dovecot(?:\\[\\d+\\])?: )?(?:dovecot: )?(?<proto>imap|pop3|submission|managesieve|lmtp)-login(?:\\[\\d+\\])?: (?:Info: )?",
					LineReader::dovecotService,
					failure("(?:Aborted login|Disconnected|Remote closed connection|Client has quit the connection)(?:: .*?)? \\((?:auth failed, \\d+ attempts?(?: in \\d+ secs?)?|tried to use (?:disabled|disallowed) \\S+ auth|proxy dest auth failed)\\):(?: user=<{user}>,)?(?: method=\\S+,)? rip={host}(?:, .*)?"),
					event(".*?:(?: user=<{user}>,)?(?: method=\\S+,)? rip={host}(?:, .*)?")),
			Family.claiming("(?:\\S+ )?(?:dovecot(?:\\[\\d+\\])?: )?(?:dovecot: )?auth(?:-worker)?(?:\\([^)]*\\))?: (?:Info: )?(?:conn \\S+ \\([^)]*\\): auth(?:-worker)?<\\d+>: )?",
					tag -> "dovecot",
					failure("(?:pam|passwd-file|passwd|shadow|sql|ldap|checkpassword|bsdauth|static|lua|oauth2)\\({user},{host}(?:,(?:<[^>]*>)?)?\\): (?:[Uu]nknown user|[Ii]nvalid credentials|[Pp]assword mismatch|pam_authenticate\\(\\) failed: (?:User not known to the underlying authentication module|Authentication failure|Permission denied)).*"),
					failure(DOVECOT_PAM)),
			Family.trying("(?:\\S+ )?[\\w./-]+?(?:\\[\\d+\\])?: ", tag -> "dovecot", failure(DOVECOT_PAM)),
			Family.claiming("(?:\\S+ )?postfix(?:-\\w+)?(?<sub>(?:/[\\w-]+)*)/[\\w-]+(?:\\[\\d+\\])?: ",
					LineReader::postfixService,
					failure("warning: [^\\[\\]\\s]*\\[{host}\\](?::\\d+)?: SASL [\\w-]+ authentication failed:(?! Connection lost to authentication server| Invalid authentication mechanism)(?: .*?)?(?:, sasl_username=(?:\\(unavailable\\)|{user}))?"),
					event("warning: [^\\[\\]\\s]*\\[{host}\\](?::\\d+)?: SASL [\\w-]+ authentication failed:.*"),
					event(".*? from [^\\[\\]\\s]*\\[{host}\\](?::\\d+)?(?:[:, ].*)?")),
			Family.claiming("(?:(?:\\S+ )?(?:apache\\d*|httpd(?:/\\w+)?)(?:\\[\\d+\\])?: )?\\[(?::?error|\\S+:\\S+)\\](?: \\[pid \\d+(?::\\S+ \\d+)?\\])? \\[client (?<host>\\[[^\\]\\s]+\\](?::\\d+)?|[^\\[\\]\\s]+)\\] (?:AH\\d+: )?",
					tag -> "http",
					failure("user (?!`){user}:? (?:authentication failure|authorization failure|not found|denied by provider)\\b.*"),
					failure("Authorization of user {user} to access .*? failed\\b.*"),
					failure("(?:[A-Z]\\w+: )?user {user}: password mismatch\\b.*"),
					failure("(?:[A-Z]\\w+: )?user `{user}' in realm `.+' (?:authentication failure|authorization failure|not found|denied by provider)\\b.*"),
					failure("client (?:denied by server configuration|used wrong authentication scheme)\\b.*"),
					failure("(?:[A-Z]\\w+: )?(?:invalid nonce .* received - (?:length is not|user attempted time travel)|realm mismatch - got `.*' but expected|unknown algorithm `.*' received|invalid qop `.*' received)\\b.*"),
					event(".*")),
			Family.claiming("unban-panel: ", tag -> "panel",
					failure("authentication failure for user=(?<user>\\S*) from={host}").withPercentEncodedUser()));

	private LineReader() {
	}

	/**
	 * @param body the line after its time stamp and the blanks after it
	 * @return what the line says, or empty when it is not a line of a service this class knows
	 */
	static Optional<Reading> read(String body) {
		for (Family family : FAMILIES) {
			Optional<Reading> reading = family.read(body);
			if (reading.isPresent()) {
				return reading;
			}
		}
		return Optional.empty();
	}

	private static String dovecotService(Matcher prefix) {
		String protocol = prefix.group("proto");
		return "managesieve".equals(protocol) ? "sieve" : protocol;
	}

	/** Debian's master.cf runs the submission and smtps services as {@code postfix/submission/smtpd} and so on. */
	private static String postfixService(Matcher prefix) {
		String sub = prefix.group("sub");
		return sub.contains("submission") || sub.contains("smtps") ? "submission" : "smtp";
	}

	private static Format failure(String template) {
		return new Format(Kind.FAILURE, template, false);
	}

	private static Format event(String template) {
		return new Format(Kind.EVENT, template, false);
	}

	/**
	 * One service's lines: the program tag that starts them and its messages, the failures before the other events.
	 * A claiming family owns every line its tag matches: a message none of its formats reads is {@link Kind#UNCLEAR},
	 * never handed to another family.
	 * @param service the service's name, from what the tag matched
	 */
	private record Family(Pattern prefix, boolean claims, Function<Matcher, String> service, int maxAccount,
			List<Format> formats) {

		static Family claiming(String prefix, Function<Matcher, String> service, Format... formats) {
			return claiming(prefix, service, Integer.MAX_VALUE, formats);
		}

		static Family claiming(String prefix, Function<Matcher, String> service, int maxAccount, Format... formats) {
			return new Family(Pattern.compile(prefix), true, service, maxAccount, List.of(formats));
		}

		static Family trying(String prefix, Function<Matcher, String> service, Format... formats) {
			return new Family(Pattern.compile(prefix), false, service, Integer.MAX_VALUE, List.of(formats));
		}

		Optional<Reading> read(String body) {
			Matcher tag = prefix.matcher(body);
			if (!tag.lookingAt()) {
				return Optional.empty();
			}
			String name = service.apply(tag);
			for (Format format : formats) {
				Optional<Reading> reading = format.read(body, tag, name, maxAccount);
				if (reading.isPresent()) {
					return reading;
				}
			}
			return claims ? Optional.of(new Reading(Kind.UNCLEAR, name, null, null)) : Optional.empty();
		}

	}

	/**
	 * One message, as a template: {@code {user}} is a field the client chose, {@code {host}} the client's address.
	 * Compiled twice, the user taken as long and as short as it can be.
	 * @param percentEncoded whether the user name is written percent-encoded (the panel's own auth log)
	 */
	private record Format(Kind kind, Pattern longest, Pattern shortest, boolean percentEncoded) {

		private static final String HOST = "(?<host>\\S+?)";

		private static final Pattern HOST_NAME = Pattern
			.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]\\.?");

		Format(Kind kind, String template, boolean percentEncoded) {
			this(kind, compile(template, ".*"), compile(template, ".*?"), percentEncoded);
		}

		private static Pattern compile(String template, String user) {
			return Pattern.compile(template.replace("{user}", "(?<user>" + user + ")").replace("{host}", HOST));
		}

		Format withPercentEncodedUser() {
			return new Format(kind, longest, shortest, true);
		}

		/**
		 * The reading both compilations agree on. Where they disagree, the one that is possible at all: its client an
		 * address and its account no longer than the service writes one. Where both are possible, the line names no
		 * client if they name different ones, and no account if only the accounts differ.
		 */
		Optional<Reading> read(String body, Matcher tag, String service, int maxAccount) {
			Optional<Reading> longRead = read(longest, body, tag, service);
			if (longRead.isEmpty()) {
				return longRead;
			}
			Reading longReading = longRead.get();
			Reading shortReading = read(shortest, body, tag, service).orElseThrow();
			if (longReading.equals(shortReading)) {
				return longRead;
			}
			boolean longPossible = possible(longReading, maxAccount);
			boolean shortPossible = possible(shortReading, maxAccount);
			if (longPossible != shortPossible) {
				return Optional.of(longPossible ? longReading : shortReading);
			}
			if (Objects.equals(longReading.host(), shortReading.host())) {
				return Optional.of(new Reading(kind, service, shortReading.host(), null));
			}
			return Optional.of(new Reading(Kind.UNCLEAR, service, null, null));
		}

		/** A client a service can write: an address, or a host name it resolved (with UseDNS and the like). */
		private static boolean possible(Reading reading, int maxAccount) {
			return reading.host() != null
					&& (HostText.address(reading.host()).isPresent() || HOST_NAME.matcher(reading.host()).matches())
					&& (reading.account() == null || reading.account().length() <= maxAccount);
		}

		private Optional<Reading> read(Pattern pattern, String body, Matcher tag, String service) {
			Matcher message = pattern.matcher(body).region(tag.end(), body.length());
			if (!message.matches()) {
				return Optional.empty();
			}
			String host = group(message, "host").or(() -> group(tag, "host")).orElse(null);
			String account = group(message, "user").filter(user -> !user.isEmpty())
				.map(user -> percentEncoded ? decoded(user) : user)
				.orElse(null);
			return Optional.of(new Reading(kind, service, host, account));
		}

	}

	/** The panel writes user names percent-encoded, so that none holds a blank; shown as they were typed. */
	private static String decoded(String user) {
		try {
			return URLDecoder.decode(user.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return user;
		}
	}

	/** The named group's text; empty when the pattern has no such group or it took no part in the match. */
	private static Optional<String> group(Matcher matcher, String name) {
		try {
			return Optional.ofNullable(matcher.group(name));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
