package org.unbanpanel.demo;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a demo started without fail2ban into Spring Boot's "APPLICATION FAILED TO START" report, which says what to
 * install instead of a stack trace; the panel then exits with status 1.
 */
class DemoFailureAnalyzer extends AbstractFailureAnalyzer<Fail2banMissingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, Fail2banMissingException cause) {
		return new FailureAnalysis(
				"The demo runs a fail2ban-server of its own, but fail2ban is not installed: " + cause.program()
						+ " is missing.",
				"Install fail2ban (Debian and Ubuntu: sudo apt-get install fail2ban), then start the demo again. It only"
						+ " needs the programs: the demo never talks to the machine's own fail2ban service, which you may"
						+ " stop and disable (sudo systemctl disable --now fail2ban) if you want fail2ban for the demo only.",
				cause);
	}

}
