package org.unbanpanel.hosts;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.password.PasswordIdentityProvider;
import org.apache.sshd.client.auth.pubkey.UserAuthPublicKeyFactory;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.AttributeRepository;
import org.apache.sshd.common.SshException;
import org.apache.sshd.common.kex.KexProposalOption;
import org.apache.sshd.common.keyprovider.KeyIdentityProvider;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.session.SessionListener;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.forward.RejectAllForwardingFilter;
import org.springframework.beans.factory.DisposableBean;

/**
 * The one SSH client (Apache MINA SSHD) every remote host's session goes through. It offers public-key
 * authentication only, with the host's own key and no other (no password, no keyboard-interactive, no agent, no key
 * of the user running the panel, no {@code ~/.ssh/config}), forwards nothing (no agent, no ports, no X11), and
 * accepts a host only when it shows its pinned key: the host's key is the one type the client asks for, and
 * {@link SshHost#accepts} compares it.
 */
final class SshTransport implements DisposableBean {

	/** Which host a session is for, from the moment it exists, so that its key exchange can be checked. */
	static final AttributeRepository.AttributeKey<SshHost> HOST = new AttributeRepository.AttributeKey<>();

	private static final String NO_MORE_METHODS = "No more authentication methods available";

	private final SshClient client;

	SshTransport(Duration keepalive) {
		client = SshClient.setUpDefaultClient();
		client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
		client.setKeyIdentityProvider(KeyIdentityProvider.EMPTY_KEYS_PROVIDER);
		client.setPasswordIdentityProvider(PasswordIdentityProvider.EMPTY_PASSWORDS_PROVIDER);
		client.setUserAuthFactories(List.of(UserAuthPublicKeyFactory.INSTANCE));
		client.setAgentFactory(null);
		client.setForwardingFilter(RejectAllForwardingFilter.INSTANCE);
		client.setServerKeyVerifier((session, address, key) -> hostOf(session) != null && hostOf(session).accepts(key));
		client.addSessionListener(new PinnedKeyTypeOnly());
		CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, keepalive);
		CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, keepalive);
		CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, 3);
		client.start();
	}

	/**
	 * Connects and logs in.
	 * @throws IOException when the host cannot be reached, shows another key or refuses the panel's key
	 */
	ClientSession open(SshHost host, Duration timeout) throws IOException {
		ClientSession session = client
			.connect(host.user(), host.address(), host.port(), AttributeRepository.ofKeyValuePair(HOST, host), null)
			.verify(timeout)
			.getSession();
		try {
			session.addPublicKeyIdentity(host.identity().keyPair());
			session.auth().verify(timeout);
			return session;
		}
		catch (SshException ex) {
			session.close(true);
			throw String.valueOf(ex.getMessage()).contains(NO_MORE_METHODS) ? new LoginRefused(ex) : ex;
		}
		catch (IOException | RuntimeException ex) {
			session.close(true);
			throw ex;
		}
	}

	/** The host did not accept the panel's key (MINA's words when every method it offered was refused). */
	static final class LoginRefused extends IOException {

		LoginRefused(SshException cause) {
			super(cause.getMessage(), cause);
		}

	}

	@Override
	public void destroy() throws IOException {
		client.stop();
		client.close();
	}

	private static SshHost hostOf(Session session) {
		if (session instanceof ClientSession client && client.getConnectionContext() != null) {
			return client.getConnectionContext().getAttribute(HOST);
		}
		return null;
	}

	/**
	 * Asks the host for its key in the pinned key's type only, as OpenSSH's client does for a host in known_hosts, so
	 * that a host with several keys shows the one that is pinned.
	 */
	private static final class PinnedKeyTypeOnly implements SessionListener {

		@Override
		public void sessionNegotiationOptionsCreated(Session session, Map<KexProposalOption, String> proposal) {
			SshHost host = hostOf(session);
			if (host == null) {
				return;
			}
			List<String> pinned = host.pinnedKey().algorithms();
			List<String> offered = Arrays.stream(proposal.get(KexProposalOption.SERVERKEYS).split(","))
				.filter(pinned::contains)
				.toList();
			proposal.put(KexProposalOption.SERVERKEYS, String.join(",", offered.isEmpty() ? pinned : offered));
		}

	}

}
