package org.unbanpanel.hosts;

import org.unbanpanel.core.Explanation;

/**
 * A tool the panel drives on every host, which the hosts page asks how it does there. The adapters provide one each
 * (fail2ban's version, the account-lock tool), so that this module needs none of them.
 */
public interface HostTool {

	/**
	 * The tool's column on the hosts page: its heading is the message {@code hosts.tool.<name>}.
	 * @return a short lower-case word, such as {@code fail2ban}
	 */
	String name();

	/** What the tool is on the host (a version, a backend) or why it cannot be asked; never throws. */
	Report report(Host host);

	/**
	 * @param detail what the tool is there, for example {@code 1.0.2}; {@code null} when it cannot be asked
	 * @param problem why it cannot be asked, in the tool's or the transport's words; {@code null} when it answered
	 */
	record Report(String detail, Explanation problem) {

		/** Not asked, because the host cannot be reached. */
		public static final Report NOT_ASKED = new Report(null, null);

		public static Report of(String detail) {
			return new Report(detail, null);
		}

		public static Report problem(Explanation problem) {
			return new Report(null, problem);
		}

	}

}
