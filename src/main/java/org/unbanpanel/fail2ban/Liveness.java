package org.unbanpanel.fail2ban;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.unbanpanel.exec.CommandException;

/**
 * Whether fail2ban answers, as the calls to it go: it is silent from the start of the first call made after its last
 * answer, for as long as such a call is under way or ended without an answer (killed at the timeout, or never
 * started because every place was taken). An answer is any end but those: a result, a refusal, "not running".
 */
final class Liveness {

	/** Calls started since the last answer: their count, and when the first of them started. */
	private int waiting;

	private Instant waitingSince;

	private boolean unanswered;

	/** Counts up at each answer, so that a call started before it does not count after it. */
	private long epoch;

	/** @return what {@link #ended} needs to know of the call */
	synchronized long started(Instant at) {
		if (waitingSince == null) {
			waitingSince = at;
		}
		waiting++;
		return epoch;
	}

	synchronized void ended(long startedIn, RuntimeException failure) {
		if (startedIn != epoch) {
			return;
		}
		waiting--;
		if (failure == null || answered(failure)) {
			epoch++;
			waiting = 0;
			waitingSince = null;
			unanswered = false;
		}
		else if (unansweredBy(failure)) {
			unanswered = true;
		}
		else if (waiting == 0 && !unanswered) {
			waitingSince = null;
		}
	}

	/** Since when fail2ban has not answered, once that is at least {@code patience} ago. */
	synchronized Optional<Instant> silentSince(Instant now, Duration patience) {
		boolean silent = waitingSince != null && (waiting > 0 || unanswered)
				&& Duration.between(waitingSince, now).compareTo(patience) >= 0;
		return silent ? Optional.of(waitingSince) : Optional.empty();
	}

	/** fail2ban said something: a refusal, or that it is not running, or that nothing may run it. */
	private static boolean answered(RuntimeException failure) {
		return failure instanceof Fail2banException && !unansweredBy(failure)
				&& !(failure.getCause() instanceof CommandException command
						&& command.reason() == CommandException.Reason.INTERRUPTED);
	}

	private static boolean unansweredBy(RuntimeException failure) {
		return failure instanceof Fail2banException && failure.getCause() instanceof CommandException command
				&& (command.reason() == CommandException.Reason.TIMEOUT
						|| command.reason() == CommandException.Reason.BUSY);
	}

}
