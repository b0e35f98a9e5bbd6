package org.unbanpanel.testsupport;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.unbanpanel.core.ExplainedException;
import org.unbanpanel.core.Explanation;
import org.unbanpanel.hosts.Host;
import org.unbanpanel.hosts.HostAnswer;
import org.unbanpanel.hosts.HostName;
import org.unbanpanel.hosts.Hosts;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.BDDMockito.willCallRealMethod;
import static org.mockito.Mockito.mock;

/** A mocked {@link Hosts} that asks its questions of stub hosts, for the unit tests of what asks every host. */
public final class AskedHosts {

	private AskedHosts() {
	}

	/**
	 * Stubs both {@code Hosts.ask} to ask these hosts, in this order, one after another, each answering as
	 * {@link #answer} does (stubbed again without calling it), and {@code Hosts.find} and {@code Hosts.named} to find
	 * them.
	 */
	public static void asks(Hosts hosts, Host... fleet) {
		for (Host host : fleet) {
			given(hosts.find(host.name())).willReturn(Optional.of(host));
		}
		willCallRealMethod().given(hosts).named(anyString());
		willAnswer(call -> asked(Stream.of(fleet), call.getArgument(0))).given(hosts).ask(any());
		willAnswer(call -> asked(Stream.of(fleet).filter(call.<Predicate<Host>>getArgument(0)), call.getArgument(1)))
			.given(hosts)
			.ask(any(), any());
	}

	/**
	 * One host's answer as {@code Hosts.ask} gives it: a question that throws an {@link ExplainedException} answers
	 * with why, one that fails otherwise {@code hosts.failed}.
	 */
	public static <T> HostAnswer<T> answer(HostName host, Supplier<T> question) {
		try {
			return new HostAnswer<>(host, question.get(), null);
		}
		catch (ExplainedException ex) {
			return new HostAnswer<>(host, null, ex.explanation());
		}
		catch (RuntimeException ex) {
			return new HostAnswer<>(host, null, Explanation.of("hosts.failed", host.value()));
		}
	}

	/** A host of that name, for the stubs. */
	public static Host host(HostName name) {
		Host host = mock(Host.class);
		given(host.name()).willReturn(name);
		given(host.isLocal()).willReturn(name.isLocal());
		return host;
	}

	private static List<HostAnswer<Object>> asked(Stream<Host> hosts, Function<Host, Object> question) {
		return hosts.map(host -> answer(host.name(), () -> question.apply(host))).toList();
	}

}
