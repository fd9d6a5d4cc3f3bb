package com.vaticprop.benchmarks.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One benchmark trader and its one ACTIVE assessment. A client thread owns it while it sends one order (it is taken
 * from and put back on a queue), so its orders alternate BUY/SELL and never wait on each other's row lock.
 */
final class Trader {

    final String email;
    final String assessmentId;
    volatile String accessToken;
    volatile String refreshToken;
    /** Next side: flips only after a fill, so the position stays within one lot of flat. */
    boolean buyNext = true;
    /** When this assessment's last order was sent (System.nanoTime), to keep under the per-assessment order rate. */
    long lastSentNanos;

    Trader(String email, String assessmentId, String accessToken, String refreshToken) {
        this.email = email;
        this.assessmentId = assessmentId;
        this.accessToken = accessToken;
        this.refreshToken = refreshToken;
    }

    /**
     * Takes the next free trader off {@code queue} and waits until its last order is {@code minGapNanos} old, so that
     * no assessment exceeds the core's per-assessment order rate (a 429 would measure the limiter, not the path).
     * {@code null} when no trader came free within 100 ms. The caller puts the trader back when its order is done; if
     * the wait is interrupted the trader goes back at once.
     */
    static Trader nextPaced(BlockingQueue<Trader> queue, long minGapNanos)
            throws InterruptedException {
        Trader t = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
        if (t == null) {
            return null;
        }
        long wait = t.lastSentNanos + minGapNanos - System.nanoTime();
        if (wait > 0) {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                queue.add(t);
                throw e;
            }
        }
        return t;
    }

    /**
     * Access tokens live 10 minutes: renews them all through {@code POST /auth/refresh} (rotation, no Argon2) right
     * before a timed run, so that a long set-up does not leave the run with tokens about to expire.
     */
    static void refreshTokens(CoreHttp http, List<Trader> traders) throws Exception {
        long start = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (Trader t : traders) {
                futures.add(pool.submit(() -> {
                    String body = CoreHttp.expect(http.sendRetrying(http.post("/auth/refresh", null, CoreHttp.forwardedFor(),
                            "{\"refreshToken\":\"" + t.refreshToken + "\"}")), 200, "refresh " + t.email);
                    t.accessToken = CoreHttp.field(body, "accessToken");
                    t.refreshToken = CoreHttp.field(body, "refreshToken");
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        System.out.printf("tokens refreshed in %.1f s (access tokens live %d s)%n", (System.nanoTime() - start) / 1e9,
                ACCESS_TOKEN_LIFETIME_S);
    }

    /** core-service's default {@code vatic.identity.access-token-ttl}. */
    static final long ACCESS_TOKEN_LIFETIME_S = 600;
}
