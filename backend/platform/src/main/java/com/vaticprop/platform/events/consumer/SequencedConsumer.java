package com.vaticprop.platform.events.consumer;

import com.vaticprop.platform.events.EventEnvelope;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Applies one assessment's seq-carrying events strictly in seq order, exactly once. The events of one assessment
 * arrive over several topics, so they can overtake each other: an early one is held until the gap before it
 * closes; a duplicate (seq already applied) is dropped. A gap that stays open longer than the caller's patience is
 * reported by {@link #stalledAssessments} so the caller can resync from core-service's API and then {@link #resync}.
 *
 * <p>Not thread-safe: one instance per consumer thread (Kafka partitions give one thread per assessment anyway).
 */
public final class SequencedConsumer {

    private final String consumer;
    private final ProcessedEventStore store;
    private final int maxHeldPerAssessment;
    private final Map<UUID, Held> held = new HashMap<>();

    public SequencedConsumer(String consumer, ProcessedEventStore store, int maxHeldPerAssessment) {
        this.consumer = consumer;
        this.store = store;
        this.maxHeldPerAssessment = maxHeldPerAssessment;
    }

    /**
     * Offers an event; applies it, and any held successors it unblocks, through {@code handler}. Returns how many
     * events were applied.
     */
    public int offer(EventEnvelope<?> event, Instant now, Consumer<EventEnvelope<?>> handler) {
        if (event.seq() == null || event.assessmentId() == null) {
            throw new IllegalArgumentException(event.type() + " carries no seq; use IdempotentConsumer");
        }
        UUID assessment = event.assessmentId();
        long last = store.lastAppliedSeq(consumer, assessment);
        long seq = event.seq();
        if (seq <= last) {
            return 0;
        }
        Held h = held.computeIfAbsent(assessment, a -> new Held());
        if (seq > last + 1) {
            if (h.events.size() < maxHeldPerAssessment) {
                h.events.putIfAbsent(seq, event);
            }
            if (h.gapSince == null) {
                h.gapSince = now;
            }
            return 0;
        }
        int applied = 0;
        EventEnvelope<?> next = event;
        long expected = seq;
        while (next != null) {
            try {
                handler.accept(next);
            } catch (RuntimeException e) {
                if (next != event) {
                    // a held successor that failed goes back into the buffer; Kafka will not deliver it again
                    h.events.put(expected, next);
                    if (h.gapSince == null) {
                        h.gapSince = now;
                    }
                }
                throw e;
            }
            store.advanceSeq(consumer, assessment, expected);
            applied++;
            h.events.remove(expected);
            expected++;
            next = h.events.remove(expected);
        }
        h.events.headMap(expected).clear();
        if (h.events.isEmpty()) {
            held.remove(assessment);
        } else {
            h.gapSince = now;
        }
        return applied;
    }

    /** Assessments whose next event has been missing for longer than {@code patience}. */
    public Set<UUID> stalledAssessments(Duration patience, Instant now) {
        Set<UUID> stalled = new HashSet<>();
        held.forEach((id, h) -> {
            if (h.gapSince != null && !h.gapSince.plus(patience).isAfter(now)) {
                stalled.add(id);
            }
        });
        return stalled;
    }

    /** After a resync from the source of truth: everything up to {@code seq} is applied. */
    public void resync(UUID assessmentId, long seq, Consumer<EventEnvelope<?>> handler, Instant now) {
        store.advanceSeq(consumer, assessmentId, seq);
        Held h = held.remove(assessmentId);
        if (h == null) {
            return;
        }
        h.events.headMap(seq + 1).clear();
        for (EventEnvelope<?> e : h.events.values()) {
            offer(e, now, handler);
        }
    }

    /**
     * The lowest seq held for the assessment (the first event after the gap), so a caller that gives up on a gap
     * can {@link #resync} to just before it.
     */
    public java.util.OptionalLong firstHeldSeq(UUID assessmentId) {
        Held h = held.get(assessmentId);
        return h == null || h.events.isEmpty() ? java.util.OptionalLong.empty()
                : java.util.OptionalLong.of(h.events.firstKey());
    }

    public int heldCount(UUID assessmentId) {
        Held h = held.get(assessmentId);
        return h == null ? 0 : h.events.size();
    }

    private static final class Held {
        private final TreeMap<Long, EventEnvelope<?>> events = new TreeMap<>();
        private Instant gapSince;
    }
}
