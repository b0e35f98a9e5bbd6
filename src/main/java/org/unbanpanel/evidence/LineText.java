package org.unbanpanel.evidence;

/**
 * A log line as a page shows it: control characters written as escapes ({@code \u001b}), so that no line can forge
 * another or move the cursor of a terminal it is pasted into, and cut to a length with an ellipsis. HTML is escaped
 * by the templates.
 */
final class LineText {

	private LineText() {
	}

	static String shown(String line, int maxLength) {
		StringBuilder text = new StringBuilder();
		int[] codePoints = line.codePoints().toArray();
		for (int i = 0; i < codePoints.length && i < maxLength; i++) {
			int c = codePoints[i];
			if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || Character.getType(c) == Character.FORMAT) {
				text.append(String.format("\\u%04x", c));
			}
			else {
				text.appendCodePoint(c);
			}
		}
		return codePoints.length > maxLength ? text + "…" : text.toString();
	}

}
