package com.vaticprop.marketdata.venue.connection;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffAndRateLimitTest {

    @Test
    void backoffDoublesWithinJitterBandUpToTheCapAndResets() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000), new Random(7));
        long[] expectedCaps = {100, 200, 400, 800, 1000, 1000};
        for (long cap : expectedCaps) {
            long delay = backoff.next().toMillis();
            assertThat(delay).isBetween(cap / 2, cap);
        }
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(50L, 100L);
    }

    @Test
    void jitterSpreadsDelays() {
        Backoff backoff = new Backoff(Duration.ofMillis(1000), Duration.ofMillis(1000), new Random(1));
        long first = backoff.next().toMillis();
        boolean differs = false;
        for (int i = 0; i < 20; i++) {
            differs |= backoff.next().toMillis() != first;
        }
        assertThat(differs).isTrue();
    }

    @Test
    void rateLimiterAllowsTheBurstThenSpacesMessages() {
        MutableClock clock = new MutableClock();
        OutboundRateLimiter limiter = new OutboundRateLimiter(clock, 5, 5);
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire()).isZero();
        }
        assertThat(limiter.tryAcquire()).isEqualTo(200);
        clock.advance(Duration.ofMillis(199));
        assertThat(limiter.tryAcquire()).isPositive();
        clock.advance(Duration.ofMillis(1));
        assertThat(limiter.tryAcquire()).isZero();
        clock.advance(Duration.ofSeconds(10));
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire()).isZero();
        }
        assertThat(limiter.tryAcquire()).isPositive();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
