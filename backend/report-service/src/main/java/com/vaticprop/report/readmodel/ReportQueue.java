package com.vaticprop.report.readmodel;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * The stored reports' generation state, in {@code stored_report}: a request (in the transaction of the event that
 * calls for it) marks the row GENERATING at the event's seq; {@link com.vaticprop.report.render.ReportGenerator}
 * builds every GENERATING row and stores the documents only if no newer request arrived meanwhile. Because the
 * request is a row, a crash between the event and the generation loses nothing.
 */
public final class ReportQueue {

    public record Pending(UUID assessmentId, ReportKind kind, long asOfSeq, long generation) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public ReportQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void request(UUID assessmentId, ReportKind kind, long asOfSeq) {
        jdbc.sql("""
                        INSERT INTO stored_report (assessment_id, kind, status, as_of_seq, generation, requested_at)
                        VALUES (?, ?, 'GENERATING', ?, 1, ?)
                        ON CONFLICT (assessment_id, kind) DO UPDATE SET status = 'GENERATING',
                            as_of_seq = GREATEST(stored_report.as_of_seq, excluded.as_of_seq),
                            generation = stored_report.generation + 1,
                            requested_at = excluded.requested_at, error = NULL""")
                .params(assessmentId, kind.name(), asOfSeq, Timestamp.from(clock.instant())).update();
    }

    public void drop(UUID assessmentId, ReportKind kind) {
        jdbc.sql("DELETE FROM stored_report WHERE assessment_id = ? AND kind = ?")
                .params(assessmentId, kind.name()).update();
    }

    public List<Pending> pending(int limit) {
        return jdbc.sql("""
                        SELECT assessment_id, kind, as_of_seq, generation FROM stored_report
                        WHERE status = 'GENERATING'
                        ORDER BY requested_at LIMIT ?""")
                .param(limit)
                .query((rs, n) -> new Pending(rs.getObject("assessment_id", UUID.class),
                        ReportKind.valueOf(rs.getString("kind")), rs.getLong("as_of_seq"), rs.getLong("generation")))
                .list();
    }

    /**
     * Stores the documents unless a newer request superseded the one they were built for (its generation moved on:
     * e.g. a simulation arrived while the report was being built without it).
     */
    public boolean complete(Pending p, byte[] json, byte[] html, byte[] pdf) {
        return jdbc.sql("""
                        UPDATE stored_report SET status = 'READY', json = ?, html = ?, pdf = ?, generated_at = ?,
                            error = NULL
                        WHERE assessment_id = ? AND kind = ? AND status = 'GENERATING' AND generation = ?""")
                .params(json, html, pdf, Timestamp.from(clock.instant()), p.assessmentId(), p.kind().name(),
                        p.generation())
                .update() == 1;
    }

    public void fail(Pending p, String error) {
        jdbc.sql("""
                        UPDATE stored_report SET status = 'FAILED', error = ?, generated_at = ?
                        WHERE assessment_id = ? AND kind = ? AND status = 'GENERATING' AND generation = ?""")
                .params(error.length() > 1000 ? error.substring(0, 1000) : error, Timestamp.from(clock.instant()),
                        p.assessmentId(), p.kind().name(), p.generation())
                .update();
    }

    /** One stored report's state, for {@code GET /reports/{id}/status}. */
    public record State(ReportKind kind, String status, long asOfSeq, java.time.Instant requestedAt,
                        java.time.Instant generatedAt, String error) {
    }

    public List<State> states(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT kind, status, as_of_seq, requested_at, generated_at, error FROM stored_report
                        WHERE assessment_id = ? ORDER BY kind""")
                .param(assessmentId)
                .query((rs, n) -> new State(ReportKind.valueOf(rs.getString("kind")), rs.getString("status"),
                        rs.getLong("as_of_seq"), rs.getTimestamp("requested_at").toInstant(),
                        rs.getTimestamp("generated_at") == null ? null : rs.getTimestamp("generated_at").toInstant(),
                        rs.getString("error")))
                .list();
    }

    /** A READY report's document ({@code json}, {@code html} or {@code pdf}); empty when not ready or absent. */
    public java.util.Optional<byte[]> document(UUID assessmentId, ReportKind kind, String format) {
        if (!List.of("json", "html", "pdf").contains(format)) {
            throw new IllegalArgumentException(format);
        }
        return jdbc.sql("SELECT " + format + " FROM stored_report WHERE assessment_id = ? AND kind = ? "
                        + "AND status = 'READY'")
                .params(assessmentId, kind.name())
                .query((rs, n) -> rs.getBytes(1)).optional().filter(b -> b != null);
    }
}
