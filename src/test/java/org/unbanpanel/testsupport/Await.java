package org.unbanpanel.testsupport;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Assertions;

/** Waits for something a background thread or fail2ban does, checking every 100 ms; fails after the timeout. */
public final class Await {

	private Await() {
	}

	public static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() > deadline) {
				Assertions.fail("waited " + timeout.toSeconds() + " s for " + what);
			}
			Thread.sleep(100);
		}
	}

}
