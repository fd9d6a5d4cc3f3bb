package com.vaticprop.websocket.routing;

import com.vaticprop.platform.events.consumer.ProcessedEventStore;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * This replica's own delivery cursor per assessment (the last seq it handed to its subscribers), kept in memory for
 * the platform's {@link com.vaticprop.platform.events.consumer.SequencedConsumer}. It must not be shared: every
 * replica delivers every event to its own clients, so one replica's progress says nothing about another's. The
 * least recently used cursors are forgotten beyond a bound; a forgotten one is re-seeded from the history.
 * Single-threaded (the fan-out thread).
 */
final class ReplicaCursors implements ProcessedEventStore {

    private final Map<UUID, Long> cursors;

    ReplicaCursors(int maxAssessments) {
        this.cursors = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Long> eldest) {
                return size() > maxAssessments;
            }
        };
    }

    boolean knows(UUID assessmentId) {
        return cursors.containsKey(assessmentId);
    }

    void seed(UUID assessmentId, long seq) {
        cursors.put(assessmentId, seq);
    }

    @Override
    public long lastAppliedSeq(String consumer, UUID assessmentId) {
        Long seq = cursors.get(assessmentId);
        return seq == null ? 0L : seq;
    }

    @Override
    public void advanceSeq(String consumer, UUID assessmentId, long seq) {
        cursors.merge(assessmentId, seq, Math::max);
    }

    @Override
    public boolean markProcessed(String consumer, UUID eventId) {
        throw new UnsupportedOperationException("seq-ordered only");
    }

    @Override
    public void unmark(String consumer, UUID eventId) {
        throw new UnsupportedOperationException("seq-ordered only");
    }
}
