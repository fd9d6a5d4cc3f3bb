package com.vaticprop.report.readmodel;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.consumer.ProcessedEventStore;
import com.vaticprop.platform.jdbc.Transactions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The per-assessment seq buffer, kept in the database rather than in memory: every seq-carrying event is first
 * stored in {@code pending_event} (a duplicate is a no-op on the primary key), then {@link #drain} applies the
 * contiguous run after the assessment's seq cursor, in seq order, and deletes what it applied — in one transaction
 * with the cursor, so each event takes effect exactly once. A gap holds everything after it, durably: Kafka offsets
 * can be committed as soon as the records are stored, and a restart loses nothing. Memory stays bounded however long
 * a gap stays open (the in-memory {@code SequencedConsumer} other services use caps what it holds instead).
 */
public final class PendingEvents {

    static final String CONSUMER = "report-read-model";
    private static final int DRAIN_BATCH = 2_000;

    public record Stored(UUID assessmentId, long seq, byte[] payload) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ProcessedEventStore cursors;
    private final ReadModelWriter writer;
    private final Transactions transactions;
    private final EventCodec codec;
    private final Clock clock;

    public PendingEvents(JdbcClient jdbc, JdbcTemplate template, ProcessedEventStore cursors, ReadModelWriter writer,
                         Transactions transactions, EventCodec codec, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.cursors = cursors;
        this.writer = writer;
        this.transactions = transactions;
        this.codec = codec;
        this.clock = clock;
    }

    public long cursor(UUID assessmentId) {
        return cursors.lastAppliedSeq(CONSUMER, assessmentId);
    }

    /** Stores a batch of records (one statement batch); already-stored ones are ignored. */
    public void store(List<Stored> events) {
        if (events.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        transactions.run(() -> template.batchUpdate("""
                        INSERT INTO pending_event (assessment_id, seq, payload, received_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT (assessment_id, seq) DO NOTHING""",
                events.stream().map(e -> new Object[]{e.assessmentId(), e.seq(), e.payload(), now}).toList()));
    }

    /**
     * Applies every event of the assessment that is next in seq order; returns how many. Batches of
     * {@value #DRAIN_BATCH} events share a transaction; when a batch fails, its events are retried one transaction
     * each, so everything before the failing event is applied and only it and its successors stay pending (the
     * failure is then rethrown).
     */
    public int drain(UUID assessmentId) {
        int total = 0;
        while (true) {
            int applied;
            try {
                applied = transactions.inTransaction(() -> drainBatch(assessmentId, DRAIN_BATCH));
            } catch (RuntimeException e) {
                while (transactions.inTransaction(() -> drainBatch(assessmentId, 1)) == 1) {
                    total++;
                }
                return total;
            }
            total += applied;
            if (applied < DRAIN_BATCH) {
                return total;
            }
        }
    }

    private int drainBatch(UUID assessmentId, int limit) {
        long cursor = cursors.lastAppliedSeq(CONSUMER, assessmentId);
        List<Stored> rows = jdbc.sql("""
                        SELECT assessment_id, seq, payload FROM pending_event
                        WHERE assessment_id = ? AND seq > ? ORDER BY seq LIMIT ?""")
                .params(assessmentId, cursor, limit)
                .query((rs, n) -> new Stored(assessmentId, rs.getLong("seq"), rs.getBytes("payload")))
                .list();
        long expected = cursor + 1;
        for (Stored row : rows) {
            if (row.seq() != expected) {
                break;
            }
            EventEnvelope<?> event = codec.decode(row.payload());
            writer.apply(event);
            expected++;
        }
        int applied = (int) (expected - cursor - 1);
        if (applied > 0) {
            cursors.advanceSeq(CONSUMER, assessmentId, expected - 1);
        }
        jdbc.sql("DELETE FROM pending_event WHERE assessment_id = ? AND seq < ?").params(assessmentId, expected)
                .update();
        return applied;
    }

    /** Assessments whose next event has been missing for longer than {@code patience} (the first held seq). */
    public List<UUID> stalled(Duration patience) {
        Timestamp before = Timestamp.from(clock.instant().minus(patience));
        return new ArrayList<>(jdbc.sql("""
                        SELECT DISTINCT assessment_id FROM pending_event WHERE received_at < ?""")
                .param(before).query(UUID.class).list());
    }
}
