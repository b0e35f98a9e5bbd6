package org.unbanpanel.trust;

import java.time.Instant;
import java.util.List;

/**
 * A released address that one host's fail2ban ignores until {@code expiresAt}.
 * @param host the host whose fail2ban holds it, as in panel.hosts ({@code local} for the machine the panel runs on)
 * @param address the address or network, canonical
 * @param createdBy who asked for the trust
 * @param clientAddress the address that user connected from
 * @param jobId the unblock job that released the address, or {@code null}
 * @param keptIn the jails whose ignore list held the address before it was first trusted (from fail2ban's own
 * configuration), which its end leaves it in; {@code null} while fail2ban could not be asked yet
 * @param applied whether every jail's ignore list has held it; {@code false} while fail2ban could not take it
 */
public record Trust(long id, String host, String address, Instant createdAt, Instant expiresAt, String createdBy,
		String clientAddress, Long jobId, List<String> keptIn, boolean applied) {

	public Trust {
		keptIn = (keptIn != null) ? List.copyOf(keptIn) : null;
	}

	/**
	 * Whether the jail's own configuration held the address before it was trusted; not known yet (fail2ban could not
	 * be asked when it was trusted) counts as no: the entry is the panel's.
	 */
	public boolean keptIn(String jail) {
		return keptIn != null && keptIn.contains(jail);
	}

}
