package org.unbanpanel.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local HTTP server standing in for a webhook's receiver, on a random free port of the loopback interface: it keeps
 * every POST it gets (its headers and the exact bytes of its body), and either answers 204 or, {@link #hanging()},
 * reads the request and never answers, like a receiver that is down behind a proxy that still accepts connections.
 *
 * <pre>
 * WebhookReceiver receiver = WebhookReceiver.answering();
 * ... panel.notify.webhooks[0].url = receiver.url() ...
 * WebhookReceiver.Request request = receiver.next(Duration.ofSeconds(10));
 * </pre>
 *
 * A whole-panel test gets one, already set as the panel's webhook, with {@link WithWebhookReceiver}.
 */
public final class WebhookReceiver implements AutoCloseable {

	/** One POST as it arrived. */
	public record Request(Map<String, List<String>> headers, byte[] body) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	private final HttpServer server;

	private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();

	private final AtomicInteger received = new AtomicInteger();

	private final CountDownLatch closing = new CountDownLatch(1);

	private final boolean answers;

	private WebhookReceiver(boolean answers) {
		this.answers = answers;
		try {
			server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.createContext("/hook", this::receive);
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
	}

	public static WebhookReceiver answering() {
		return new WebhookReceiver(true);
	}

	public static WebhookReceiver hanging() {
		return new WebhookReceiver(false);
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	/** The next POST, or {@code null} when none came in time. */
	public Request next(Duration timeout) throws InterruptedException {
		return requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** How many POSTs came so far. */
	public int received() {
		return received.get();
	}

	private void receive(HttpExchange exchange) throws IOException {
		byte[] body = exchange.getRequestBody().readAllBytes();
		requests.add(new Request(Map.copyOf(exchange.getRequestHeaders()), body));
		received.incrementAndGet();
		if (!answers) {
			try {
				closing.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		exchange.sendResponseHeaders(204, -1);
		exchange.close();
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
	}

}
