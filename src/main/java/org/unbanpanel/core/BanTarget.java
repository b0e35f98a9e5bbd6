package org.unbanpanel.core;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An IPv4 or IPv6 address or network in the one canonical form fail2ban matches: IPv4 as a dotted quad, IPv6 in
 * lower case as RFC 5952 writes it, a network as its first address and prefix length. fail2ban compares single
 * addresses as strings, and resolves or reinterprets what it cannot parse (octal {@code 192.168.010.1}, integer
 * {@code 3221226034}, host names), so anything but these plain forms is refused here, without any DNS lookup. As
 * JSON it is its text, read back through {@link #parse}: so an event that carries one (kept by the event publication
 * registry until every listener has it) reads back as it was.
 */
public final class BanTarget implements Comparable<BanTarget> {

	static final int MAX_LENGTH = 64;

	private static final Pattern ALLOWED = Pattern.compile("[0-9a-fA-F.:/]+");

	private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]{0,2}");

	private static final Pattern HEX_GROUP = Pattern.compile("[0-9a-fA-F]{1,4}");

	private final byte[] address;

	private final int prefixLength;

	private final String value;

	private BanTarget(byte[] address, int prefixLength) {
		this.address = masked(address, prefixLength);
		this.prefixLength = prefixLength;
		this.value = format(this.address) + (isNetwork() ? "/" + prefixLength : "");
	}

	/**
	 * Reads one address or network as an administrator typed it, without surrounding blanks.
	 * @throws InvalidValueException naming the value and what is wrong with it
	 */
	@JsonCreator
	public static BanTarget parse(String text) {
		if (text == null || text.isEmpty()) {
			throw invalid("", "invalid.ip.empty", "is empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw invalid(text, "invalid.ip.tooLong", "is longer than " + MAX_LENGTH + " characters");
		}
		if (text.startsWith("-")) {
			throw invalid(text, "invalid.ip.leadingDash", "starts with '-', which a program would read as an option");
		}
		text.codePoints().filter(BanTarget::forbidden).findFirst().ifPresent(c -> {
			throw invalid(text, "invalid.ip.forbiddenCharacter",
					"contains " + describe(c) + ", which is never part of an address");
		});
		if (text.indexOf('%') >= 0 && ALLOWED.matcher(text.substring(0, text.indexOf('%'))).matches()) {
			throw invalid(text, "invalid.ip.zoneId", "carries a zone id, which fail2ban cannot use");
		}
		if (!ALLOWED.matcher(text).matches()) {
			throw invalid(text, "invalid.ip.notAnAddress", "is not an IPv4 or IPv6 address or network (host names are not accepted)");
		}
		String[] parts = text.split("/", -1);
		if (parts.length > 2) {
			throw invalid(text, "invalid.ip.notAnAddress", "is not an IPv4 or IPv6 address or network");
		}
		byte[] address = parts[0].indexOf(':') >= 0 ? parseIpv6(text, parts[0]) : parseIpv4(text, parts[0]);
		int prefix = parts.length == 2 ? parsePrefix(text, parts[1], address.length * 8) : address.length * 8;
		return new BanTarget(address, prefix);
	}

	/** Like {@link #parse} for text that fail2ban printed: empty when it is not an address this class accepts. */
	public static Optional<BanTarget> tryParse(String text) {
		try {
			return Optional.of(parse(text));
		}
		catch (InvalidValueException ex) {
			return Optional.empty();
		}
	}

	/** The canonical text sent to fail2ban. */
	@JsonValue
	public String value() {
		return value;
	}

	public boolean isNetwork() {
		return prefixLength < address.length * 8;
	}

	public boolean isIpv6() {
		return address.length == 16;
	}

	public int prefixLength() {
		return prefixLength;
	}

	/**
	 * The strings fail2ban may hold this address under. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.2}) is
	 * banned under either form, depending on how the log line wrote it.
	 */
	public List<String> banKeys() {
		return ipv4Mapped().map(ipv4 -> List.of(value, ipv4.value)).orElse(List.of(value));
	}

	/** Whether the address fail2ban holds ({@code banned}) lies inside this network, or is this very address. */
	public boolean covers(BanTarget banned) {
		if (banned.isNetwork() && !isNetwork()) {
			return false;
		}
		return unmapped().coversSameFamily(banned.unmapped());
	}

	/** Numeric order, as an administrator sorts addresses: IPv4 before IPv6, then by address, then by prefix. */
	@Override
	public int compareTo(BanTarget other) {
		int family = Integer.compare(address.length, other.address.length);
		if (family != 0) {
			return family;
		}
		int byAddress = Arrays.compareUnsigned(address, other.address);
		return (byAddress != 0) ? byAddress : Integer.compare(prefixLength, other.prefixLength);
	}

	/**
	 * The IPv4 address or network an IPv4-mapped one ({@code ::ffff:192.0.2.0/120}) stands for
	 * ({@code 192.0.2.0/24}); empty for any other target.
	 */
	public Optional<BanTarget> asIpv4() {
		if (!isIpv6() || prefixLength < 96 || !isMappedPrefix(address)) {
			return Optional.empty();
		}
		return Optional.of(new BanTarget(Arrays.copyOfRange(address, 12, 16), prefixLength - 96));
	}

	/** The first address as a number, for counting ranges ({@link Coverage}). */
	BigInteger first() {
		return new BigInteger(1, address);
	}

	/** The width of the family in bits: 32 or 128. */
	int familyBits() {
		return address.length * 8;
	}

	/**
	 * An IPv4-mapped address or network as its IPv4 form, so that either form compares with the other; else itself.
	 */
	private BanTarget unmapped() {
		return asIpv4().orElse(this);
	}

	private boolean coversSameFamily(BanTarget other) {
		if (other.address.length != address.length || other.prefixLength < prefixLength) {
			return false;
		}
		return Arrays.equals(masked(other.address, prefixLength), address);
	}

	private Optional<BanTarget> ipv4Mapped() {
		return isNetwork() ? Optional.empty() : asIpv4();
	}

	private static boolean isMappedPrefix(byte[] address) {
		for (int i = 0; i < 10; i++) {
			if (address[i] != 0) {
				return false;
			}
		}
		return address[10] == (byte) 0xff && address[11] == (byte) 0xff;
	}

	private static byte[] parseIpv4(String text, String dotted) {
		String[] octets = dotted.split("\\.", -1);
		if (octets.length != 4) {
			throw invalid(text, "invalid.ip.notAnAddress", "is not an IPv4 address: it needs four numbers from 0 to 255");
		}
		byte[] address = new byte[4];
		for (int i = 0; i < 4; i++) {
			address[i] = (byte) parseOctet(text, octets[i]);
		}
		return address;
	}

	private static int parseOctet(String text, String octet) {
		if (octet.length() > 1 && octet.startsWith("0") && octet.chars().allMatch(Character::isDigit)) {
			throw invalid(text, "invalid.ip.leadingZero", "has a leading zero, which fail2ban would read as octal");
		}
		if (!DECIMAL.matcher(octet).matches() || Integer.parseInt(octet) > 255) {
			throw invalid(text, "invalid.ip.notAnAddress", "is not an IPv4 address: it needs four numbers from 0 to 255");
		}
		return Integer.parseInt(octet);
	}

	private static byte[] parseIpv6(String text, String colons) {
		String[] halves = colons.split("::", -1);
		if (halves.length > 2) {
			throw invalid(text, "invalid.ip.notAnAddress", "is not an IPv6 address: '::' may appear once");
		}
		List<Integer> head = groups(text, halves[0]);
		List<Integer> tail = halves.length == 2 ? groups(text, halves[1]) : List.of();
		int missing = 8 - head.size() - tail.size();
		if ((halves.length == 2 && missing < 1) || (halves.length == 1 && missing != 0)) {
			throw invalid(text, "invalid.ip.notAnAddress", "is not an IPv6 address: it needs eight groups");
		}
		byte[] address = new byte[16];
		int index = 0;
		for (int group : head) {
			index = put(address, index, group);
		}
		index += 2 * missing;
		for (int group : tail) {
			index = put(address, index, group);
		}
		return address;
	}

	private static int put(byte[] address, int index, int group) {
		address[index] = (byte) (group >> 8);
		address[index + 1] = (byte) group;
		return index + 2;
	}

	/** The 16-bit groups of one side of '::'; a dotted IPv4 tail counts as two groups. */
	private static List<Integer> groups(String text, String side) {
		if (side.isEmpty()) {
			return List.of();
		}
		String[] fields = side.split(":", -1);
		Integer[] groups = new Integer[fields.length + (fields[fields.length - 1].contains(".") ? 1 : 0)];
		for (int i = 0; i < fields.length; i++) {
			boolean last = i == fields.length - 1;
			if (last && fields[i].contains(".")) {
				byte[] ipv4 = parseIpv4(text, fields[i]);
				groups[i] = ((ipv4[0] & 0xff) << 8) | (ipv4[1] & 0xff);
				groups[i + 1] = ((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff);
			}
			else if (HEX_GROUP.matcher(fields[i]).matches()) {
				groups[i] = Integer.parseInt(fields[i], 16);
			}
			else {
				throw invalid(text, "invalid.ip.notAnAddress", "is not an IPv6 address");
			}
		}
		return List.of(groups);
	}

	private static int parsePrefix(String text, String prefix, int bits) {
		if (!DECIMAL.matcher(prefix).matches() || Integer.parseInt(prefix) > bits) {
			throw invalid(text, "invalid.ip.prefix", "has a network prefix that is not a number from 0 to " + bits);
		}
		return Integer.parseInt(prefix);
	}

	private static byte[] masked(byte[] address, int prefixLength) {
		byte[] network = address.clone();
		for (int bit = prefixLength; bit < network.length * 8; bit++) {
			network[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
		}
		return network;
	}

	private static String format(byte[] address) {
		if (address.length == 4) {
			return (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "." + (address[3] & 0xff);
		}
		if (isMappedPrefix(address)) {
			return "::ffff:" + format(Arrays.copyOfRange(address, 12, 16));
		}
		return formatIpv6(address);
	}

	/** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups (the first on a tie) as '::'. */
	private static String formatIpv6(byte[] address) {
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int start = 0; start < 8; start++) {
			int length = 0;
			while (start + length < 8 && groups[start + length] == 0) {
				length++;
			}
			if (length > bestLength) {
				bestStart = start;
				bestLength = length;
			}
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}

	/** Blanks, control characters and what shells and quoting give meaning to: named in the error as such. */
	private static boolean forbidden(int c) {
		return blank(c) || ";$()`'\"\\|&<>*?".indexOf(c) >= 0;
	}

	private static boolean blank(int c) {
		return Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c);
	}

	private static String describe(int c) {
		return blank(c) ? String.format("a blank or control character (U+%04X)", c) : "'" + Character.toString(c) + "'";
	}

	private static InvalidValueException invalid(String text, String code, String reason) {
		return new InvalidValueException(text, code, reason);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof BanTarget target && target.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}

}
