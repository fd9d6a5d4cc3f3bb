package com.vaticprop.platform.events.consumer;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

/**
 * The store for services that own a schema: rows in {@code processed_event} and {@code consumer_seq_cursor}
 * (platform migration), written in the caller's transaction so that the mark and the side effect commit together.
 */
public final class JdbcProcessedEventStore implements ProcessedEventStore {

    private final JdbcClient jdbc;

    public JdbcProcessedEventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markProcessed(String consumer, UUID eventId) {
        return jdbc.sql("INSERT INTO processed_event (consumer, event_id, processed_at) VALUES (?, ?, now()) "
                        + "ON CONFLICT (consumer, event_id) DO NOTHING")
                .params(consumer, eventId).update() == 1;
    }

    @Override
    public void unmark(String consumer, UUID eventId) {
        jdbc.sql("DELETE FROM processed_event WHERE consumer = ? AND event_id = ?").params(consumer, eventId).update();
    }

    @Override
    public long lastAppliedSeq(String consumer, UUID assessmentId) {
        return jdbc.sql("SELECT last_seq FROM consumer_seq_cursor WHERE consumer = ? AND assessment_id = ?")
                .params(consumer, assessmentId).query(Long.class).optional().orElse(0L);
    }

    @Override
    public void advanceSeq(String consumer, UUID assessmentId, long seq) {
        jdbc.sql("INSERT INTO consumer_seq_cursor (consumer, assessment_id, last_seq, updated_at) VALUES (?, ?, ?, now()) "
                        + "ON CONFLICT (consumer, assessment_id) DO UPDATE SET "
                        + "last_seq = GREATEST(consumer_seq_cursor.last_seq, excluded.last_seq), updated_at = now()")
                .params(consumer, assessmentId, seq).update();
    }
}
