package com.vaticprop.core.outbox;

import com.vaticprop.core.support.Sql;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.EventData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Clock;
import java.util.UUID;

/**
 * Appends events to the outbox inside the caller's database transaction, so the event commits (or rolls back) with
 * the change it describes. A seq-carrying event takes its assessment's next {@code seq} in that same transaction
 * ({@code UPDATE assessments SET last_seq = last_seq + 1 … RETURNING last_seq}): two transactions of one assessment
 * conflict on that row, so the committed seqs are gap-free and increasing. Events without a seq ({@code payment.*},
 * {@code admin.audit}) go through the same table. The {@link OutboxRelay} publishes the rows.
 */
public final class OutboxWriter {

    private final JdbcClient jdbc;
    private final EventCodec codec;
    private final Clock clock;
    private volatile Runnable afterCommit = () -> {
    };

    public OutboxWriter(JdbcClient jdbc, EventCodec codec, Clock clock) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.clock = clock;
    }

    /** Runs {@code action} after each transaction that wrote to the outbox commits (the relay's wake-up). */
    public void afterCommit(Runnable action) {
        this.afterCommit = action;
    }

    /**
     * Appends one event of an assessment. For a seq-carrying type the seq is allocated here; the returned envelope
     * is what goes on the wire.
     */
    public <D extends EventData> EventEnvelope<D> appendForAssessment(EventType type, UUID assessmentId, UUID userId,
                                                                      Integer phase, D data) {
        requireTransaction();
        long seq = type.carriesSeq() ? nextSeq(assessmentId) : 0L;
        EventEnvelope<D> envelope = EventEnvelope.forAssessment(type, clock.instant(), assessmentId, userId, seq,
                phase, data);
        insert(envelope, OutboxKeys.keyOf(envelope));
        return envelope;
    }

    /** Appends one event without a seq ({@code payment.*}, {@code admin.audit}). */
    public <D extends EventData> EventEnvelope<D> append(EventType type, D data) {
        return append(EventEnvelope.of(type, clock.instant(), data));
    }

    /** Appends a ready envelope of a type without a seq (seqs are only ever allocated by this writer). */
    public <D extends EventData> EventEnvelope<D> append(EventEnvelope<D> envelope) {
        requireTransaction();
        if (envelope.eventType().carriesSeq()) {
            throw new IllegalArgumentException(envelope.type() + " carries a seq: use appendForAssessment");
        }
        insert(envelope, OutboxKeys.keyOf(envelope));
        return envelope;
    }

    private long nextSeq(UUID assessmentId) {
        return jdbc.sql("UPDATE assessments SET last_seq = last_seq + 1 WHERE id = ? RETURNING last_seq")
                .param(assessmentId).query(Long.class).optional()
                .orElseThrow(() -> new IllegalArgumentException("no assessment " + assessmentId));
    }

    private void insert(EventEnvelope<?> envelope, String key) {
        EventType type = envelope.eventType();
        jdbc.sql("""
                        INSERT INTO outbox (id, assessment_id, seq, topic, event_key, event_type, payload, created_at,
                                            attempts)
                        VALUES (?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?, 0)""")
                .params(envelope.id(), envelope.seq() == null ? null : envelope.assessmentId(), envelope.seq(),
                        type.topic().topicName(), key, type.wireName(), codec.encodeToString(envelope),
                        Sql.ts(clock.instant()))
                .update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.run();
                }
            });
        }
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the outbox is written inside the transaction of the change it describes");
        }
    }
}
