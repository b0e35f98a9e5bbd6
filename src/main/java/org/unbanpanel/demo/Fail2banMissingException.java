package org.unbanpanel.demo;

/** fail2ban's programs are not installed, so no private fail2ban-server can start; {@link DemoFailureAnalyzer} says what to do. */
class Fail2banMissingException extends IllegalStateException {

	private final String program;

	Fail2banMissingException(String program) {
		super(program + " is missing: install the Debian package fail2ban");
		this.program = program;
	}

	String program() {
		return program;
	}

}
