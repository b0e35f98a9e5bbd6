package org.unbanpanel.jobs;

import org.unbanpanel.core.Explanation;

/**
 * Why a value, or a job, could not be unblocked: a code that names the reason (the page words it through the message
 * {@code job.error.<code>}), and what the tool or fail2ban said, as a sentence each reader gets in their language
 * (stored as {@link org.unbanpanel.core.StoredExplanation}; in JSON its English words), or {@code null} when the code
 * says it all.
 * <ul>
 * <li>{@code fail2ban.REFUSED}, {@code fail2ban.NOT_RUNNABLE}: fail2ban (or sudo) refused; the message says how;</li>
 * <li>{@code fail2ban.UNREACHABLE}: fail2ban could not be reached until the job's retry time ran out;</li>
 * <li>{@code fail2ban.stillBanned}: fail2ban accepted the unban but still holds the value;</li>
 * <li>{@code fail2ban.blockedByNetwork}: nothing of the value's own was banned, a wider network still blocks it;</li>
 * <li>{@code account.<reason>}: the lock tool failed ({@code account.UNKNOWN_USER}, …; {@code account.UNREACHABLE}:
 * the host could not be reached until the job's retry time ran out);</li>
 * <li>{@code host.unknown}: the value's host is no longer one of the fleet;</li>
 * <li>for a value still pending: {@code waiting} (fail2ban on its host cannot be reached),
 * {@code waiting.accounts} (its host cannot be reached) or {@code waiting.unfinished} (its host's part of the attempt
 * threw or was stopped with the panel), with the reason; the value is tried again;</li>
 * <li>{@code unfinished}: no attempt on its host finished before the job's retry time ran out;</li>
 * <li>{@code value.invalid}: a stored value is not one (edited by hand); {@code unexpected}: see the panel's log;</li>
 * <li>for a whole job: {@code waiting} (fail2ban cannot be reached, the job tries again), {@code waiting.unfinished}
 * (only attempts that did not finish, the job tries again) and {@code allFailed};</li>
 * <li>{@code legacy}: a result stored as text by an older panel, in the message.</li>
 * </ul>
 */
public record Failure(String code, Explanation message) {

	/** The code of an address, or a job, waiting for fail2ban on its host; queries match it too. */
	static final String WAITING = "waiting";

	static final String WAITING_ACCOUNTS = "waiting.accounts";

	static final String WAITING_UNFINISHED = "waiting.unfinished";

	/** The code of an address whose host's fail2ban could not be reached until the job's retry time ran out. */
	static final String FAIL2BAN_UNREACHABLE = "fail2ban.UNREACHABLE";

	static final Failure UNEXPECTED = new Failure("unexpected", null);

	static final Failure ALL_FAILED = new Failure("allFailed", null);

}
