package org.unbanpanel.core;

/**
 * One value a form or an API request may not carry, said the same way everywhere: as a field error on a page, as an
 * entry of a 400 problem in the API (both written in {@code web}).
 *
 * @param field the form field or JSON property, or {@code null} for the request as a whole
 * @param code a message code that takes the value as its argument
 * @param value the refused value, printable (see {@link InvalidValueException#printable})
 */
public record Rejection(String field, String code, String value) {

	/** The refusal of a value as a parser reported it, with the value made printable. */
	public static Rejection of(String field, InvalidValueException refused) {
		return new Rejection(field, refused.code(), InvalidValueException.printable(refused.value()));
	}

}
