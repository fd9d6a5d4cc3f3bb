package com.vaticprop.platform.events.data;

import java.time.Instant;
import java.util.UUID;

public record AssessmentReinstated(Instant at, UUID voidedViolationId, String restoredState, String actor,
                                   String reason) implements EventData {
}
