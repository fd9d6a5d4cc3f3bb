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
}
