package com.vaticprop.websocket.routing;

import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.consumer.SequencedConsumer;
import com.vaticprop.websocket.history.EventHistory;
import com.vaticprop.websocket.metrics.StreamMetrics;
import com.vaticprop.websocket.subscription.LiveFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * Puts each assessment's seq events back in order on this replica (they arrive over several topics) and, for each
 * event in order, has it appended to the shared history and handed to the subscribers (through the poll's
 * {@link FanOutBatch}). Reordering is the platform's
 * {@link SequencedConsumer} with a replica-local cursor.
 *
 * <p>A cursor is seeded when an assessment is first seen at {@code min(history top, seq - 1)}: events another
 * replica already appended are delivered again here (the history refuses the duplicate write, each subscription
 * drops seqs it has sent), and nothing this replica will never see is waited for longer than needed.
 *
 * <p>A gap still open after the gap timeout: if other replicas' history already holds the missing seqs they are
 * delivered from there; otherwise this replica gives up on them (WARN, {@code vatic_ws_seq_gaps_skipped_total}) and
 * continues with the held events. The skipped seqs are then absent from the history too (a later append of a lower
 * id is refused), so a resume across them returns what exists; core-service's REST API stays the source of truth.
 * Single-threaded (the fan-out thread).
 */
final class AssessmentOrdering {

    private static final Logger log = LoggerFactory.getLogger(AssessmentOrdering.class);

    private final FanOutBatch batch;
    private final ReplicaCursors cursors;
    private final SequencedConsumer sequencer;
    private final EventHistory history;
    private final StreamMetrics metrics;
    private final Duration gapTimeout;
    /** The encoded frame and Kafka timestamp of each event offered and not yet delivered, by assessment and seq. */
    private final Map<UUID, Map<Long, Pending>> pending = new HashMap<>();

    AssessmentOrdering(EventHistory history, FanOutBatch batch, StreamMetrics metrics, Duration gapTimeout,
                       int maxHeldPerAssessment, int maxAssessments) {
        this.batch = batch;
        this.cursors = new ReplicaCursors(maxAssessments);
        this.sequencer = new SequencedConsumer("websocket", cursors, maxHeldPerAssessment);
        this.history = history;
        this.metrics = metrics;
        this.gapTimeout = gapTimeout;
    }

    void offer(EventEnvelope<?> event, String channel, String frame, long kafkaTimestampMs, Instant now) {
        UUID id = event.assessmentId();
        long seq = event.seq();
        if (!cursors.knows(id)) {
            cursors.seed(id, Math.min(storedTop(id, seq - 1), seq - 1));
        }
        pending.computeIfAbsent(id, a -> new HashMap<>()).putIfAbsent(seq, new Pending(channel, frame,
                kafkaTimestampMs));
        sequencer.offer(event, now, this::deliver);
        forgetDelivered(id);
    }

    /** Closes gaps that have been open longer than the gap timeout (see the class comment). */
    void closeStalledGaps(Instant now) {
        for (UUID id : sequencer.stalledAssessments(gapTimeout, now)) {
            long next = cursors.lastAppliedSeq("websocket", id) + 1;
            long stored = storedTop(id, 0);
            List<EventHistory.StoredEvent> fromHistory = stored >= next ? storedRange(id, next, stored) : List.of();
            long resumeAfter;
            if (!fromHistory.isEmpty()) {
                String channel = "assessment:" + id;
                for (EventHistory.StoredEvent e : fromHistory) {
                    batch.publish(new LiveFrame(channel, e.frame(), e.seq(), 0));
                }
                resumeAfter = stored;
            } else {
                OptionalLong first = sequencer.firstHeldSeq(id);
                if (first.isEmpty()) {
                    continue;
                }
                resumeAfter = first.getAsLong() - 1;
                metrics.gapSkipped(resumeAfter - next + 1);
                log.warn("assessment {}: seq {}..{} did not arrive within {}; continuing without them", id, next,
                        resumeAfter, gapTimeout);
            }
            sequencer.resync(id, resumeAfter, this::deliver, now);
            forgetDelivered(id);
        }
    }

    /** The stored events {@code from..to}, none while Redis cannot be asked. */
    private List<EventHistory.StoredEvent> storedRange(UUID id, long from, long to) {
        try {
            return history.range(id, from, to);
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    /** The history's top, or {@code fallback} while Redis cannot be asked. */
    private long storedTop(UUID id, long fallback) {
        try {
            return history.lastSeq(id);
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    private void deliver(EventEnvelope<?> event) {
        UUID id = event.assessmentId();
        Map<Long, Pending> byseq = pending.get(id);
        Pending p = byseq == null ? null : byseq.remove(event.seq());
        if (p == null) {
            return;
        }
        batch.appendAndPublish(id, event.seq(), new LiveFrame(p.channel(), p.frame(), event.seq(),
                p.kafkaTimestampMs()));
    }

    private void forgetDelivered(UUID id) {
        Map<Long, Pending> byseq = pending.get(id);
        if (byseq == null) {
            return;
        }
        long cursor = cursors.lastAppliedSeq("websocket", id);
        byseq.keySet().removeIf(seq -> seq <= cursor);
        if (byseq.isEmpty() || sequencer.heldCount(id) == 0) {
            pending.remove(id);
        }
    }

    private record Pending(String channel, String frame, long kafkaTimestampMs) {
    }
}
