package org.unbanpanel.hosts;

import org.springframework.boot.context.properties.bind.Binder;
import org.unbanpanel.exec.CommandRunner;

/**
 * A machine the panel drives: the local one, or another over SSH. The adapters ask it for the {@link #runner()} that
 * runs their programs there and for their {@link #settings settings} for it, so that {@code fail2ban} and {@code pam}
 * work the same on every host without knowing how a command gets there.
 */
public final class Host {

	private final HostName name;

	private final CommandRunner runner;

	private final Binder binder;

	private final String prefix;

	Host(HostName name, CommandRunner runner, Binder binder, String prefix) {
		this.name = name;
		this.runner = runner;
		this.binder = binder;
		this.prefix = prefix;
	}

	public HostName name() {
		return name;
	}

	public boolean isLocal() {
		return name.isLocal();
	}

	/** Runs an argument list on this host, with the panel's command timeout and output cap. */
	public CommandRunner runner() {
		return runner;
	}

	/**
	 * An adapter's settings for this host: the host's own block ({@code panel.hosts[i].<key>}) if it has one, else the
	 * local machine's ({@code panel.<key>}), bound to the adapter's own properties type with its defaults.
	 * @param key for example {@code fail2ban} or {@code accounts}
	 */
	public <T> T settings(String key, Class<T> type) {
		String local = "panel." + key;
		if (prefix == null) {
			return binder.bindOrCreate(local, type);
		}
		return binder.bind(prefix + "." + key, type).orElseGet(() -> binder.bindOrCreate(local, type));
	}

	@Override
	public String toString() {
		return name.value();
	}

}
