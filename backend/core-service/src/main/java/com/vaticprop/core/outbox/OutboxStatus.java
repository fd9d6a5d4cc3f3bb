package com.vaticprop.core.outbox;

import java.time.Duration;

/**
 * What the relay reports about itself: rows waiting, the age of the oldest one (the lag), how many it has published
 * since start, and the last Kafka error while it is backing off ({@code null} once publishing works again).
 */
public record OutboxStatus(long pending, Duration lag, long published, String lastError) {

    /** True while nothing has waited longer than {@code bound}. */
    public boolean healthy(Duration bound) {
        return lag.compareTo(bound) <= 0;
    }
}
