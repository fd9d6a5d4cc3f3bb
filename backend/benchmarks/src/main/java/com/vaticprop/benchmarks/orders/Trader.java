package com.vaticprop.benchmarks.orders;

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
    static Trader nextPaced(java.util.concurrent.BlockingQueue<Trader> queue, long minGapNanos)
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
}
