package org.unbanpanel.hosts;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.exec.CommandException;

/**
 * One remote host: where it is, the key it must show, the key the panel logs in with, and its one long-lived SSH
 * session, which every command of the panel reuses (an exec channel each). A session that ended is opened again at
 * the next command; after a failed attempt the host is left alone for {@code reconnect-delay}, doubling with each
 * further failure up to {@code reconnect-delay-max}, and its commands fail at once meanwhile with the last reason.
 */
final class SshHost {

	private static final Logger log = LoggerFactory.getLogger(SshHost.class);

	private final HostName name;

	private final HostsProperties.Remote settings;

	private final PinnedHostKey pinnedKey;

	private final PanelKey identity;

	private final SshTransport transport;

	private final HostsProperties.Ssh ssh;

	private final Clock clock;

	private ClientSession session;

	private int failures;

	private long nextAttempt;

	private volatile HostStatus status;

	private volatile PublicKey presented;

	SshHost(HostsProperties.Remote settings, PanelKey identity, SshTransport transport, HostsProperties.Ssh ssh,
			Clock clock) {
		this.name = settings.name();
		this.settings = settings;
		this.pinnedKey = pinned(settings);
		this.identity = identity;
		this.transport = transport;
		this.ssh = ssh;
		this.clock = clock;
		this.status = new HostStatus(HostStatus.Reachability.NOT_TRIED, null, pinnedKey.fingerprint(), null, null);
	}

	HostName name() {
		return name;
	}

	String address() {
		return settings.address();
	}

	int port() {
		return settings.port();
	}

	String user() {
		return settings.user();
	}

	PinnedHostKey pinnedKey() {
		return pinnedKey;
	}

	PanelKey identity() {
		return identity;
	}

	HostStatus status() {
		return status;
	}

	/** The host key check of the key exchange: only the pinned key passes; any other is kept for the message. */
	boolean accepts(PublicKey key) {
		presented = key;
		return pinnedKey.matches(key);
	}

	/**
	 * The open, logged-in session, opened now if there is none.
	 * @throws CommandException {@link CommandException.Reason#UNREACHABLE} saying why, when the host cannot be reached
	 * or refused the panel, or was tried too recently after a failure; {@code INTERRUPTED} when the panel stops
	 */
	synchronized ClientSession session() {
		if (session != null && session.isOpen() && session.isAuthenticated()) {
			return session;
		}
		long now = System.nanoTime();
		if (failures > 0 && now - nextAttempt < 0) {
			throw new CommandException(CommandException.Reason.UNREACHABLE, Explanation.of("hosts.retryLater",
					status.problem(), Math.max(1, Duration.ofNanos(nextAttempt - now).toSeconds())));
		}
		presented = null;
		try {
			session = transport.open(this, ssh.connectTimeout());
			failures = 0;
			contacted();
			log.info("Connected to host {} ({}:{}) as {}", name, address(), port(), user());
			return session;
		}
		catch (InterruptedIOException ex) {
			throw new CommandException(CommandException.Reason.INTERRUPTED,
					Explanation.of("hosts.connectInterrupted", name.value()));
		}
		catch (IOException | RuntimeException ex) {
			failures++;
			nextAttempt = now + delay(failures).toNanos();
			status = failed(ex);
			log.warn("Host {}: {}", name, status.problem());
			throw new CommandException(CommandException.Reason.UNREACHABLE, status.problem());
		}
	}

	/** The host answered: remembered for the hosts page. */
	void contacted() {
		status = new HostStatus(HostStatus.Reachability.REACHABLE, null, pinnedKey.fingerprint(), null, clock.instant());
	}

	/** The session ended while a command ran: the next one opens a new session. */
	void lost(Explanation problem) {
		status = new HostStatus(HostStatus.Reachability.UNREACHABLE, problem, pinnedKey.fingerprint(), null,
				status.lastContact());
	}

	synchronized void close() {
		if (session != null) {
			session.close(true);
		}
	}

	private static PinnedHostKey pinned(HostsProperties.Remote settings) {
		try {
			return PinnedHostKey.parse(settings.hostKey());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("panel.hosts[" + settings.name() + "].host-key is " + ex.getMessage(), ex);
		}
	}

	private Duration delay(int failures) {
		Duration delay = ssh.reconnectDelay().multipliedBy(1L << Math.min(failures - 1, 20));
		return delay.compareTo(ssh.reconnectDelayMax()) > 0 ? ssh.reconnectDelayMax() : delay;
	}

	private HostStatus failed(Exception ex) {
		PublicKey shown = presented;
		Instant lastContact = status.lastContact();
		if (shown != null && !pinnedKey.matches(shown)) {
			String fingerprint = KeyUtils.getFingerPrint(shown);
			return new HostStatus(HostStatus.Reachability.KEY_MISMATCH,
					Explanation.of("hosts.problem.keyMismatch", where(), fingerprint, pinnedKey.fingerprint()),
					pinnedKey.fingerprint(), fingerprint, lastContact);
		}
		if (ex instanceof SshTransport.LoginRefused) {
			return new HostStatus(HostStatus.Reachability.NOT_AUTHORIZED,
					Explanation.of("hosts.problem.notAuthorized", where(), user()), pinnedKey.fingerprint(), null,
					lastContact);
		}
		return new HostStatus(HostStatus.Reachability.UNREACHABLE,
				Explanation.of("hosts.problem.unreachable", where(), reason(ex)), pinnedKey.fingerprint(), null,
				lastContact);
	}

	/** Why the connection failed: a sentence of ours when the cause is a common one, else the library's words. */
	private Object reason(Exception ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		if (cause instanceof ConnectException) {
			return Explanation.of("hosts.reason.refused");
		}
		if (cause instanceof UnknownHostException) {
			return Explanation.of("hosts.reason.unknownHost");
		}
		if (ex instanceof SshException ssh && ssh.getDisconnectCode() == SshConstants.SSH2_DISCONNECT_HOST_KEY_NOT_VERIFIABLE) {
			return Explanation.of("hosts.reason.hostKeyNotVerifiable");
		}
		String message = String.valueOf(cause.getMessage());
		if (message.contains("timeout") || message.contains("Timeout") || message.contains("timed out")) {
			return Explanation.of("hosts.reason.timeout", ssh.connectTimeout().toMillis());
		}
		return message;
	}

	private String where() {
		return name + " (" + address() + ":" + port() + ")";
	}

}
