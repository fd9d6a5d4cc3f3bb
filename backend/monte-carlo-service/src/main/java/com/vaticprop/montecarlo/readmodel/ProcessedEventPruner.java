package com.vaticprop.montecarlo.readmodel;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/**
 * Forgets dedupe marks older than the longest retention of the topics the read model consumes (30 days) plus a day:
 * a redelivery can only come from a record Kafka still holds, so an older mark can never be needed again, and
 * without pruning {@code processed_event} would grow by every trading event forever. The seq cursors stay.
 */
public final class ProcessedEventPruner implements Runnable {

    static final Duration KEEP = Duration.ofDays(31);

    private final JdbcClient jdbc;
    private final Clock clock;

    public ProcessedEventPruner(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run() {
        jdbc.sql("DELETE FROM processed_event WHERE processed_at < ?")
                .param(Timestamp.from(clock.instant().minus(KEEP))).update();
    }
}
