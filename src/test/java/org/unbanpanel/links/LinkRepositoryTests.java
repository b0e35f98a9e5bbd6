package org.unbanpanel.links;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.unbanpanel.testsupport.FixedClock;
import org.unbanpanel.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Release links and their uses in a real database, with the application's migrations. */
class LinkRepositoryTests {

	private final LinkRepository links = new LinkRepository(new TestDatabase().jdbc());

	private final Instant now = FixedClock.NOW;

	@Test
	void keepsALinkUnderItsTokensHashOnly() {
		long id = oneUseLink("dovecot", "sasl");

		LinkRepository.Stored stored = links.byTokenHash(Token.hash("AbCdEfGhIjKlMnOpQrStUv")).orElseThrow();

		assertThat(stored.tokenHash()).isEqualTo(Token.hash("AbCdEfGhIjKlMnOpQrStUv"));
		assertThat(stored.link().id()).isEqualTo(id);
		assertThat(stored.link().jails()).containsExactly("dovecot", "sasl");
		assertThat(stored.link().note()).isEqualTo("Office Gràcia");
		assertThat(links.byTokenHash(Token.hash("AbCdEfGhIjKlMnOpQrStUw"))).isEmpty();
	}

	@Test
	void countsAUseOnlyWhileTheLinkAllowsOne() {
		long id = oneUseLink();

		assertThat(links.claimUse(id, now)).isTrue();
		assertThat(links.claimUse(id, now)).isFalse();
		links.returnUse(id);
		assertThat(links.claimUse(id, now.plus(Duration.ofHours(24)))).as("expired").isFalse();
		assertThat(links.revoke(id, now, "bob")).isTrue();
		assertThat(links.revoke(id, now, "bob")).as("revoked already").isFalse();
		assertThat(links.claimUse(id, now)).as("revoked").isFalse();
		assertThat(links.find(id).orElseThrow().state(now)).isEqualTo(ReleaseLink.State.REVOKED);
	}

	@Test
	void givesTheLastUseToOneOfManyVisitorsAtOnce() throws Exception {
		long id = oneUseLink();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService visitors = Executors.newFixedThreadPool(16);
		try {
			List<CompletableFuture<Boolean>> claims = IntStream.range(0, 16)
				.mapToObj(i -> CompletableFuture.supplyAsync(() -> {
					await(start);
					return links.claimUse(id, now);
				}, visitors))
				.toList();
			start.countDown();

			assertThat(claims.stream().map(CompletableFuture::join).filter(Boolean::booleanValue)).hasSize(1);
			assertThat(links.find(id).orElseThrow().uses()).isEqualTo(1);
		}
		finally {
			visitors.shutdownNow();
		}
	}

	@Test
	void recordsEveryUseNewestFirst() {
		long id = oneUseLink();
		links.recordUse(id, now, "203.0.113.7", LinkUse.Outcome.RELEASED, 42L);
		links.recordUse(id, now.plusSeconds(60), "203.0.113.7", LinkUse.Outcome.USED_UP, null);

		assertThat(links.uses(id)).extracting(LinkUse::outcome, LinkUse::jobId)
			.containsExactly(tuple(LinkUse.Outcome.USED_UP, null),
					tuple(LinkUse.Outcome.RELEASED, 42L));
	}

	private long oneUseLink(String... jails) {
		return links.insert(Token.hash("AbCdEfGhIjKlMnOpQrStUv"), "Office Gràcia", List.of(jails), false,
				Duration.ZERO, 1, now, "alice", now.plus(Duration.ofHours(24)));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
