package com.vaticprop.platform.events;

import com.vaticprop.platform.events.data.EventData;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The one envelope of every topic: {@code {id, type, version, occurredAt, assessmentId?, userId?, seq?, phase?, data}}.
 * {@code seq} is present exactly on the types that {@link EventType#carriesSeq() carry it}; the constructor refuses
 * an envelope that breaks that rule, so a producer cannot emit one.
 */
public record EventEnvelope<D extends EventData>(UUID id, String type, int version, Instant occurredAt,
                                                 UUID assessmentId, UUID userId, Long seq, Integer phase, D data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(data, "data");
        EventType eventType = EventType.byWireName(type)
                .orElseThrow(() -> new IllegalArgumentException("unknown event type " + type));
        if (!eventType.dataType().isInstance(data)) {
            throw new IllegalArgumentException(type + " needs data of type " + eventType.dataType().getSimpleName());
        }
        if (eventType.carriesSeq()) {
            if (seq == null || seq < 1) {
                throw new IllegalArgumentException(type + " needs a seq >= 1");
            }
            if (assessmentId == null) {
                throw new IllegalArgumentException(type + " needs an assessmentId");
            }
        } else if (seq != null) {
            throw new IllegalArgumentException(type + " does not carry a seq");
        }
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }

    /** An event with no assessment ordering (market data, snapshots, simulations, payments, audit). */
    public static <D extends EventData> EventEnvelope<D> of(EventType type, Instant occurredAt, D data) {
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), 1, occurredAt, null, null, null, null, data);
    }

    /** An outbox event of one assessment, with the seq assigned in the same transaction as the change. */
    public static <D extends EventData> EventEnvelope<D> forAssessment(EventType type, Instant occurredAt,
                                                                       UUID assessmentId, UUID userId, long seq,
                                                                       Integer phase, D data) {
        return new EventEnvelope<>(UUID.randomUUID(), type.wireName(), 1, occurredAt, assessmentId, userId,
                type.carriesSeq() ? seq : null, phase, data);
    }

    public EventType eventType() {
        return EventType.byWireName(type).orElseThrow();
    }
}
