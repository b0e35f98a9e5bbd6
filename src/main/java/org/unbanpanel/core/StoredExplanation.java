package org.unbanpanel.core;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An {@link Explanation} as a text column holds it, so that a stored result is said again in each reader's language:
 * {@code {"code": "…", "arguments": […]}}, where an argument is a text, a number or an explanation itself. A text that
 * is not such an object (written by an older panel) reads back as itself ({@code explanation.text}).
 */
public final class StoredExplanation {

	/** Message code of a stored text that is not an explanation; takes the text as its argument. */
	static final String TEXT = "explanation.text";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private StoredExplanation() {
	}

	/** The text to store; {@code null} for {@code null}. */
	public static String write(Explanation explanation) {
		return (explanation != null) ? JSON.writeValueAsString(node(explanation)) : null;
	}

	/** The explanation a text of {@link #write} stands for; {@code null} for {@code null}. */
	public static Explanation read(String stored) {
		if (stored == null) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(stored);
			if (node.isObject() && node.path("code").isString()) {
				return explanation(node);
			}
		}
		catch (JacksonException ex) {
			// an older panel's plain text
		}
		return Explanation.of(TEXT, stored);
	}

	private static ObjectNode node(Explanation explanation) {
		ObjectNode node = JSON.createObjectNode();
		node.put("code", explanation.code());
		ArrayNode arguments = node.putArray("arguments");
		for (Object argument : explanation.arguments()) {
			if (argument instanceof Explanation nested) {
				arguments.add(node(nested));
			}
			else if (argument instanceof Long || argument instanceof Integer) {
				arguments.add(((Number) argument).longValue());
			}
			else {
				arguments.add(String.valueOf(argument));
			}
		}
		return node;
	}

	private static Explanation explanation(JsonNode node) {
		List<Object> arguments = new ArrayList<>();
		for (JsonNode argument : node.path("arguments").values()) {
			if (argument.isObject()) {
				arguments.add(explanation(argument));
			}
			else if (argument.isIntegralNumber()) {
				arguments.add(argument.longValue());
			}
			else {
				arguments.add(argument.asString());
			}
		}
		return new Explanation(node.get("code").stringValue(), arguments);
	}

}
