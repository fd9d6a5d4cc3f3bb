package com.vaticprop.marketdata.venue.connection;

import java.time.Clock;

/**
 * Token bucket for messages we send to a venue (subscribes, keepalive pings, resubscribes). Binance disconnects a
 * client that sends more than 5 messages a second on one connection; the other venues document looser limits, so
 * each connector configures its own rate. Time comes from the injected clock, so the bucket is testable without
 * sleeping.
 */
public final class OutboundRateLimiter {
    private final Clock clock;
    private final double perSecond;
    private final double capacity;
    private double tokens;
    private long lastRefillMillis;

    public OutboundRateLimiter(Clock clock, double perSecond, int burst) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("need perSecond > 0 and burst >= 1");
        }
        this.clock = clock;
        this.perSecond = perSecond;
        this.capacity = burst;
        this.tokens = burst;
        this.lastRefillMillis = clock.millis();
    }

    /** Takes a token if one is there; otherwise returns how many milliseconds until one will be (at least 1). */
    public synchronized long tryAcquire() {
        refill();
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) * 1000 / perSecond));
    }

    private void refill() {
        long now = clock.millis();
        if (now > lastRefillMillis) {
            tokens = Math.min(capacity, tokens + (now - lastRefillMillis) * perSecond / 1000);
            lastRefillMillis = now;
        }
    }
}
