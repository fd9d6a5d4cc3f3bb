package com.vaticprop.core.outbox;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The relay's SQL. Claiming works per assessment: only the oldest unpublished row of an assessment (its "head") can be
 * claimed, with {@code FOR UPDATE SKIP LOCKED}; whoever holds the head then takes that assessment's following rows.
 * A second replica skips the locked head and cannot claim a later row of that assessment (an earlier one is still
 * unpublished), so no assessment is ever published by two relays at once nor out of seq order. Everything here is
 * plain SQL that PostgreSQL and CockroachDB both run.
 */
final class OutboxStore {

    private static final String COLUMNS = "id, assessment_id, seq, topic, event_key, CAST(payload AS TEXT) AS payload";

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks up to {@code limit} heads: seq-less rows and the lowest unpublished seq of each assessment. */
    List<OutboxRow> claimHeads(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM outbox o
                        WHERE o.published_at IS NULL
                          AND (o.seq IS NULL OR NOT EXISTS (
                                SELECT 1 FROM outbox p
                                 WHERE p.assessment_id = o.assessment_id AND p.seq < o.seq
                                   AND p.published_at IS NULL))
                        ORDER BY o.created_at, o.id
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED""")
                .param(limit).query(OutboxStore::row).list();
    }

    /** The rows after a claimed head, in seq order, as long as they are contiguous. */
    List<OutboxRow> claimFollowers(UUID assessmentId, long headSeq, int limit) {
        List<OutboxRow> rows = jdbc.sql("SELECT " + COLUMNS + """
                         FROM outbox
                        WHERE assessment_id = ? AND seq > ? AND published_at IS NULL
                        ORDER BY seq
                        LIMIT ?
                        FOR UPDATE SKIP LOCKED""")
                .params(assessmentId, headSeq, limit).query(OutboxStore::row).list();
        List<OutboxRow> contiguous = new ArrayList<>();
        long expected = headSeq + 1;
        for (OutboxRow r : rows) {
            if (r.seq() != expected) {
                break;
            }
            contiguous.add(r);
            expected++;
        }
        return contiguous;
    }

    void markPublished(List<UUID> ids, Instant at) {
        for (UUID id : ids) {
            jdbc.sql("UPDATE outbox SET published_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                    .params(Sql.ts(at), id).update();
        }
    }

    void markFailed(UUID id, String error) {
        String truncated = error == null ? "unknown" : error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.sql("UPDATE outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(truncated, id).update();
    }

    /** Unpublished rows and the creation time of the oldest ({@code null} when none). */
    Backlog backlog() {
        return jdbc.sql("SELECT count(*) AS pending, min(created_at) AS oldest FROM outbox WHERE published_at IS NULL")
                .query((rs, n) -> new Backlog(rs.getLong("pending"), Sql.instant(rs, "oldest"))).single();
    }

    record Backlog(long pending, Instant oldest) {
    }

    private static OutboxRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        long seq = rs.getLong("seq");
        Long seqOrNull = rs.wasNull() ? null : seq;
        return new OutboxRow(Sql.uuid(rs, "id"), Sql.uuid(rs, "assessment_id"), seqOrNull,
                rs.getString("topic"), rs.getString("event_key"), rs.getString("payload"));
    }
}
