package com.vaticprop.montecarlo.store;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.Topic;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The {@code outbox} table: an event is written in the transaction of the change it announces (a simulation queued,
 * a simulation finished), so neither exists without the other; {@link OutboxRelay} publishes it.
 */
public final class Outbox {

    /** One unpublished event. */
    public record Pending(UUID id, String topic, String key, byte[] payload) {
    }

    private final JdbcClient jdbc;
    private final EventCodec codec;

    public Outbox(JdbcClient jdbc, EventCodec codec) {
        this.jdbc = jdbc;
        this.codec = codec;
    }

    public void append(Topic topic, String key, EventEnvelope<?> event, Instant now) {
        jdbc.sql("INSERT INTO outbox (id, topic, record_key, payload, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(event.id(), topic.topicName(), key, codec.encode(event), Timestamp.from(now)).update();
    }

    /** The oldest unpublished rows, locked so that a second pod's relay skips them rather than sending them too. */
    public List<Pending> claimPending(int limit) {
        return jdbc.sql("""
                        SELECT id, topic, record_key, payload FROM outbox WHERE published_at IS NULL
                        ORDER BY created_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                .param(limit)
                .query((rs, n) -> new Pending(rs.getObject("id", UUID.class), rs.getString("topic"),
                        rs.getString("record_key"), rs.getBytes("payload")))
                .list();
    }

    public void markPublished(List<UUID> ids, Instant now) {
        for (UUID id : ids) {
            jdbc.sql("UPDATE outbox SET published_at = ? WHERE id = ?").params(Timestamp.from(now), id).update();
        }
    }

    /** Published rows are kept a while for diagnosis, then deleted. */
    public int prunePublishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < ?")
                .param(Timestamp.from(cutoff)).update();
    }
}
