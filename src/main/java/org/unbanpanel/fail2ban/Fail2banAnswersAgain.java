package org.unbanpanel.fail2ban;

import java.time.Instant;

/**
 * Published by {@link Fail2banHealth} when fail2ban answers after a reading that found it unreachable: what waited
 * for it (the jobs' worker) may go ahead now rather than at the end of its back-off.
 * @param at when fail2ban was found answering
 */
public record Fail2banAnswersAgain(Instant at) {
}
