package com.vaticprop.marketdata.venue.connection;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect delay with "equal jitter": attempt n waits a random time in [d/2, d] where
 * d = min(max, initial × 2ⁿ). The lower half keeps a floor under the delay (venues cap connection attempts per IP,
 * e.g. Binance 300 per 5 minutes), the random upper half spreads many replicas reconnecting after one venue outage.
 * Reset after a connection delivers data.
 */
public final class Backoff {
    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration initial, Duration max, RandomGenerator random) {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max");
        }
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    public synchronized Duration next() {
        long capMillis = max.toMillis();
        long base = initial.toMillis();
        for (int i = 0; i < attempt && base < capMillis; i++) {
            base *= 2;
        }
        base = Math.min(base, capMillis);
        attempt++;
        long half = base / 2;
        return Duration.ofMillis(half + random.nextLong(base - half + 1));
    }

    public synchronized void reset() {
        attempt = 0;
    }

    public synchronized int attempts() {
        return attempt;
    }
}
