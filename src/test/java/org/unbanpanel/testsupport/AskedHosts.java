package org.unbanpanel.testsupport;

import java.util.function.Function;
import java.util.stream.Stream;

import org.unbanpanel.core.ExplainedException;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;

/** A mocked {@link Hosts} that asks its questions of stub hosts, for the unit tests of what asks every host. */
public final class AskedHosts {

	private AskedHosts() {
	}

	/**
	 * Stubs {@code Hosts.ask} to ask these hosts, in this order, as it does: a host whose question throws an
	 * {@link ExplainedException} answers with why (stubbed again without calling it).
	 */
	public static void asks(Hosts hosts, Host... fleet) {
		willAnswer(call -> {
			Function<Host, Object> question = call.getArgument(0);
			return Stream.of(fleet).map(host -> {
				try {
					return new HostAnswer<>(host.name(), question.apply(host), null);
				}
				catch (ExplainedException ex) {
					return new HostAnswer<>(host.name(), null, ex.explanation());
				}
			}).toList();
		}).given(hosts).ask(any());
	}

	/** A host of that name, for the stubs. */
	public static Host host(HostName name) {
		Host host = mock(Host.class);
		given(host.name()).willReturn(name);
		given(host.isLocal()).willReturn(name.isLocal());
		return host;
	}

}
