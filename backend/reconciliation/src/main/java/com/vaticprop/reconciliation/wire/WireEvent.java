package com.vaticprop.reconciliation.wire;

import java.time.Instant;
import java.util.UUID;

/** One record of a seq-carrying topic as read from Kafka: where it sits, and the envelope fields reconciled. */
public record WireEvent(String topic, int partition, long offset, Instant appendedAt, UUID id, String type,
                        UUID assessmentId, Long seq, Instant occurredAt) {

    public String position() {
        return topic + "/" + partition + "@" + offset;
    }
}
