package com.vaticprop.platform.events.data;

import java.time.Instant;

/** started, paused, resumed, abandoned; {@code reason} for abandoned is TRADER, REFUND or ADMIN. */
public record AssessmentStateChanged(Instant at, int phase, String reason) implements EventData {
}
