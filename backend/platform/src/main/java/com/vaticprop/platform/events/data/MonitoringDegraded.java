package com.vaticprop.platform.events.data;

import java.time.Instant;

/** Rule monitoring for an instrument cannot be trusted (stale or missing prices); {@code recovered} ends it. */
public record MonitoringDegraded(String instrument, String reason, Instant since, Boolean recovered)
        implements EventData {
}
