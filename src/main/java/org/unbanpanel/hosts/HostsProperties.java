package org.unbanpanel.hosts;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.unbanpanel.core.AccountName;

/**
 * The hosts of the fleet and how the panel reaches them.
 *
 * @param hosts the other machines, each reached over SSH (default none). Each may also have its own
 * {@code fail2ban.*} and {@code accounts.*} settings, with the same keys and meaning as {@code panel.fail2ban.*} and
 * {@code panel.accounts.*}; a host without its own block uses the local machine's
 * @param localHost whether the machine the panel runs on is a host too, named {@code local} (default true)
 * @param ssh the SSH client's settings, the same for every host
 */
@ConfigurationProperties("panel")
record HostsProperties(@DefaultValue List<Remote> hosts, @DefaultValue("true") boolean localHost,
		@DefaultValue Ssh ssh) {

	HostsProperties {
		hosts = List.copyOf(hosts);
		Set<HostName> names = new HashSet<>();
		for (Remote host : hosts) {
			if (!names.add(host.name())) {
				throw new IllegalArgumentException("panel.hosts: the name " + host.name() + " is given twice");
			}
		}
	}

	/**
	 * One remote host.
	 *
	 * @param name how the panel calls it: 1 to 32 lower-case letters, digits and {@code -}, not {@code local}, unique
	 * @param address its address or host name
	 * @param port sshd's port (default 22)
	 * @param user the account the panel logs in as, whose sudoers rules allow exactly the panel's commands
	 * @param hostKey the host's public key as a {@code known_hosts} line ({@code ssh-keyscan -t ed25519 <address>}
	 * prints one; compare its fingerprint on the host with {@code ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub})
	 * or as the key file's own line; the panel refuses the host when it shows another key, and never learns a key by
	 * itself
	 * @param identity the private key the panel logs in with (default {@code panel.ssh.identity})
	 */
	record Remote(HostName name, String address, @DefaultValue("22") int port, String user, String hostKey,
			Path identity) {

		private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.:_-]+");

		Remote {
			String where = "panel.hosts[" + name + "]";
			if (name == null) {
				throw new IllegalArgumentException("every entry of panel.hosts needs a name");
			}
			if (name.isLocal()) {
				throw new IllegalArgumentException(where + ": the name local stands for the machine the panel runs on");
			}
			if (address == null || !ADDRESS.matcher(address).matches()) {
				throw new IllegalArgumentException(where + ".address must be an address or host name");
			}
			if (port < 1 || port > 65535) {
				throw new IllegalArgumentException(where + ".port must be between 1 and 65535");
			}
			if (user == null) {
				throw new IllegalArgumentException(where + ".user is missing: the account the panel logs in as");
			}
			AccountName.parse(user);
			if (hostKey == null || hostKey.isBlank()) {
				throw new IllegalArgumentException(where + ".host-key is missing: the panel never trusts a host key"
						+ " on first use; give the host's key as ssh-keyscan prints it");
			}
		}

	}

	/**
	 * @param identity the panel's own private key (default {@code <panel.data-dir>/ssh/id_ed25519}, an ed25519 key
	 * created when first needed: at the start when a remote host logs in with it, else when the hosts page first shows
	 * its public half)
	 * @param from the addresses the hosts see the panel's connections come from, for the {@code from="…"} option of
	 * the {@code authorized_keys} line the hosts page shows (default: the address this machine sends from towards
	 * each host; set it when a NAT lies between)
	 * @param connectTimeout how long connecting and logging in to a host may take (default 10 s)
	 * @param reconnectDelay after a failed connection, how long the panel waits before it tries that host again,
	 * doubling with each further failure (default 1 s); commands for the host fail at once meanwhile
	 * @param reconnectDelayMax the longest such wait (default 1 min)
	 * @param channelsPerHost how many commands run on one host at once over its one session (default 4; OpenSSH
	 * allows 10 per connection, {@code MaxSessions}); more wait for a place within the command timeout
	 * @param keepalive how often an idle session is checked; three unanswered checks end it (default 15 s)
	 */
	record Ssh(Path identity, @DefaultValue List<String> from, @DefaultValue("10s") Duration connectTimeout,
			@DefaultValue("1s") Duration reconnectDelay, @DefaultValue("1m") Duration reconnectDelayMax,
			@DefaultValue("4") int channelsPerHost, @DefaultValue("15s") Duration keepalive) {

		private static final Pattern FROM = Pattern.compile("[A-Za-z0-9.:*?/!_-]+");

		Ssh {
			from = List.copyOf(from);
			for (String address : from) {
				if (!FROM.matcher(address).matches()) {
					throw new IllegalArgumentException("panel.ssh.from: '" + address
							+ "' is not an address, network or host pattern for authorized_keys' from=\"…\"");
				}
			}
			if (channelsPerHost < 1) {
				throw new IllegalArgumentException("panel.ssh.channels-per-host must be at least 1");
			}
		}

	}

}
