package org.unbanpanel.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The values of one form field or JSON property, or the reason each bad one is refused: the one way Unblock Access,
 * Lookup, a jail's page and the accounts page read what was typed or ticked. Duplicates (also ones written
 * differently, such as {@code 2001:DB8::6} and {@code 2001:db8::6}) are merged, the first kept in its place.
 *
 * @param values the parsed values, in the order given
 * @param rejections one per refused value, naming the field
 */
public record ParsedField<T>(List<T> values, List<Rejection> rejections) {

	private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");

	public ParsedField {
		values = List.copyOf(values);
		rejections = List.copyOf(rejections);
	}

	/**
	 * Parses each text with the parser, for example {@link BanTarget#parse} or {@link AccountName#parse}.
	 * @param parser throws {@link InvalidValueException} for a value it refuses
	 */
	public static <T> ParsedField<T> parse(String field, Collection<String> texts, Function<String, T> parser) {
		LinkedHashSet<T> values = new LinkedHashSet<>();
		List<Rejection> rejections = new ArrayList<>();
		for (String text : texts) {
			try {
				values.add(parser.apply(text));
			}
			catch (InvalidValueException ex) {
				rejections.add(new Rejection(field, ex.code(), InvalidValueException.printable(text)));
			}
		}
		return new ParsedField<>(List.copyOf(values), rejections);
	}

	/** The values of a free-text field that holds several, separated by commas, blanks or new lines. */
	public static List<String> split(String text) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(SEPARATORS.split(text)).filter(value -> !value.isEmpty()).toList();
	}

	/** The value of a field that holds one, blanks around it ignored; none when it is empty or blank. */
	public static List<String> single(String text) {
		return (text == null || text.isBlank()) ? List.of() : List.of(text.strip());
	}

	public boolean valid() {
		return rejections.isEmpty();
	}

}
