package com.vaticprop.montecarlo.readmodel;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Which offsets may be committed while some records are held back by the seq ordering: per partition, the lowest
 * offset still held (or one past the last record read). Committing past a held record would lose it on a restart —
 * the gap before it would never close — so a restarted pod re-reads from the floor and the seq cursor drops what was
 * already applied.
 */
final class CommitFloor {

    private record Position(TopicPartition partition, long offset) {
    }

    private final Map<TopicPartition, TreeSet<Long>> held = new HashMap<>();
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private final Map<UUID, Position> byEvent = new HashMap<>();

    /** A record was read; it is outstanding until {@link #done}. */
    void read(TopicPartition partition, long offset, UUID eventId) {
        next.merge(partition, offset + 1, Math::max);
        held.computeIfAbsent(partition, p -> new TreeSet<>()).add(offset);
        if (eventId != null) {
            byEvent.put(eventId, new Position(partition, offset));
        }
    }

    /** A record was read that needs nothing more (malformed, or a duplicate). */
    void skip(TopicPartition partition, long offset) {
        next.merge(partition, offset + 1, Math::max);
        TreeSet<Long> offsets = held.get(partition);
        if (offsets != null) {
            offsets.remove(offset);
        }
    }

    /** The event was applied (possibly long after it was read, when a gap before it closed). */
    void done(UUID eventId) {
        Position p = byEvent.remove(eventId);
        if (p != null) {
            held.get(p.partition()).remove(p.offset());
        }
    }

    Map<TopicPartition, OffsetAndMetadata> committable() {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        next.forEach((tp, n) -> {
            TreeSet<Long> offsets = held.get(tp);
            long floor = offsets == null || offsets.isEmpty() ? n : offsets.first();
            out.put(tp, new OffsetAndMetadata(floor));
        });
        return out;
    }

    void clear() {
        held.clear();
        next.clear();
        byEvent.clear();
    }
}
