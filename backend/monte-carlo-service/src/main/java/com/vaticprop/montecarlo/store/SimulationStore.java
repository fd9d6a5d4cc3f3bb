package com.vaticprop.montecarlo.store;

import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The {@code simulation} table. Every state change is one conditional UPDATE, so concurrent pods, a late heartbeat
 * and a cancel race to a single winner without locks held across the job.
 */
public final class SimulationStore {

    private static final String COLUMNS = "id, owner_user_id, requested_by, assessment_id, status, request::TEXT AS "
            + "request, progress_pct, result::TEXT AS result, error, cancel_requested, attempt, lease_owner, "
            + "lease_until, created_at, started_at, finished_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SimulationStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(UUID id, UUID owner, String requestedBy, UUID assessmentId, JsonNode request, Instant now) {
        jdbc.sql("""
                        INSERT INTO simulation (id, owner_user_id, requested_by, assessment_id, status, request,
                            progress_pct, cancel_requested, attempt, created_at, updated_at)
                        VALUES (?, ?, ?, ?, 'QUEUED', CAST(? AS JSONB), 0, FALSE, 0, ?, ?)""")
                .params(id, owner, requestedBy, assessmentId, json.writeValueAsString(request), ts(now), ts(now))
                .update();
    }

    public Optional<SimulationRow> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM simulation WHERE id = ?").param(id)
                .query(this::row).optional();
    }

    /** Newest first; {@code after} is the last row of the previous page. */
    public List<SimulationRow> list(UUID owner, SimulationStatus status, UUID assessmentId, Instant afterCreated,
                                    UUID afterId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM simulation WHERE TRUE");
        List<Object> params = new ArrayList<>();
        if (owner != null) {
            sql.append(" AND owner_user_id = ?");
            params.add(owner);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (assessmentId != null) {
            sql.append(" AND assessment_id = ?");
            params.add(assessmentId);
        }
        if (afterCreated != null) {
            sql.append(" AND (created_at < ? OR (created_at = ? AND id < ?))");
            params.add(ts(afterCreated));
            params.add(ts(afterCreated));
            params.add(afterId);
        }
        sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(this::row).list();
    }

    /** The owner's simulations still QUEUED or RUNNING. */
    public long countActive(UUID owner) {
        return jdbc.sql("SELECT count(*) FROM simulation WHERE owner_user_id = ? AND status IN ('QUEUED', 'RUNNING')")
                .param(owner).query(Long.class).single();
    }

    /** QUEUED → CANCELLED at once (no pod holds it). */
    public boolean cancelQueued(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE simulation SET status = 'CANCELLED', cancel_requested = TRUE, finished_at = ?,
                            updated_at = ? WHERE id = ? AND status = 'QUEUED'""")
                .params(ts(now), ts(now), id).update() == 1;
    }

    /** RUNNING: the holder sees the flag at its next heartbeat and stops between chunks. */
    public boolean requestCancel(UUID id, Instant now) {
        return jdbc.sql("""
                        UPDATE simulation SET cancel_requested = TRUE, updated_at = ?
                        WHERE id = ? AND status = 'RUNNING'""")
                .params(ts(now), id).update() == 1;
    }

    /** QUEUED → RUNNING under a new lease; empty when another pod has it, or it is finished or cancelled. */
    public Optional<Claim> claim(UUID id, String owner, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE simulation SET status = 'RUNNING', attempt = attempt + 1, lease_owner = ?,
                            lease_until = ?, started_at = COALESCE(started_at, ?), updated_at = ?
                        WHERE id = ? AND status = 'QUEUED' AND NOT cancel_requested
                        RETURNING attempt""")
                .params(owner, ts(leaseUntil), ts(now), ts(now), id)
                .query(Integer.class).optional().map(attempt -> new Claim(id, owner, attempt));
    }

    /**
     * Progress and lease extension; returns whether a cancel was requested, or empty when the claim was lost (the
     * lease was taken over: the job must stop without writing anything).
     */
    public Optional<Boolean> heartbeat(Claim claim, int progressPct, Instant now, Instant leaseUntil) {
        return jdbc.sql("""
                        UPDATE simulation SET progress_pct = GREATEST(progress_pct, ?), lease_until = ?, updated_at = ?
                        WHERE id = ? AND status = 'RUNNING' AND lease_owner = ? AND attempt = ?
                        RETURNING cancel_requested""")
                .params(progressPct, ts(leaseUntil), ts(now), claim.simulationId(), claim.owner(), claim.attempt())
                .query(Boolean.class).optional();
    }

    /**
     * The job's one final write, conditional on the claim: true when this holder finished it. {@code lease_owner}
     * stays as the pod that finished it (operations: which pod ran what).
     */
    public boolean finish(Claim claim, SimulationStatus status, JsonNode result, String error, Instant now) {
        return jdbc.sql("""
                        UPDATE simulation SET status = ?, result = CAST(? AS JSONB), error = ?,
                            progress_pct = CASE WHEN ? = 'SUCCEEDED' THEN 100 ELSE progress_pct END,
                            lease_until = NULL, finished_at = ?, updated_at = ?
                        WHERE id = ? AND status = 'RUNNING' AND lease_owner = ? AND attempt = ?""")
                .params(status.name(), result == null ? null : json.writeValueAsString(result), truncate(error),
                        status.name(), ts(now), ts(now), claim.simulationId(), claim.owner(), claim.attempt())
                .update() == 1;
    }

    /** The holder gives a RUNNING job back (it is shutting down): QUEUED again, conditional on its claim. */
    public boolean release(Claim claim, Instant now) {
        return jdbc.sql("""
                        UPDATE simulation SET status = 'QUEUED', lease_owner = NULL, lease_until = NULL, updated_at = ?
                        WHERE id = ? AND status = 'RUNNING' AND lease_owner = ? AND attempt = ?
                            AND NOT cancel_requested""")
                .params(ts(now), claim.simulationId(), claim.owner(), claim.attempt()).update() == 1;
    }

    /** RUNNING jobs whose holder stopped renewing its lease. */
    public List<SimulationRow> staleRunning(Instant now, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM simulation WHERE status = 'RUNNING' AND lease_until < ? "
                        + "ORDER BY lease_until LIMIT ?")
                .params(ts(now), limit).query(this::row).list();
    }

    /** A stale RUNNING job back to QUEUED (its holder is presumed dead); false when someone else got there first. */
    public boolean requeueStale(UUID id, int attempt, Instant now) {
        return jdbc.sql("""
                        UPDATE simulation SET status = 'QUEUED', lease_owner = NULL, lease_until = NULL, updated_at = ?
                        WHERE id = ? AND status = 'RUNNING' AND attempt = ? AND lease_until < ?""")
                .params(ts(now), id, attempt, ts(now)).update() == 1;
    }

    /** A stale RUNNING job that must not be retried (cancelled, or out of attempts) finished without its holder. */
    public boolean finishStale(UUID id, int attempt, SimulationStatus status, String error, Instant now) {
        return jdbc.sql("""
                        UPDATE simulation SET status = ?, error = ?, lease_owner = NULL, lease_until = NULL,
                            finished_at = ?, updated_at = ?
                        WHERE id = ? AND status = 'RUNNING' AND attempt = ? AND lease_until < ?""")
                .params(status.name(), truncate(error), ts(now), ts(now), id, attempt, ts(now)).update() == 1;
    }

    /** QUEUED jobs nobody has touched since {@code before}: their request may have been lost. */
    public List<SimulationRow> forgottenQueued(Instant before, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM simulation WHERE status = 'QUEUED' AND updated_at < ? "
                        + "ORDER BY updated_at LIMIT ?")
                .params(ts(before), limit).query(this::row).list();
    }

    /** Marks a QUEUED job as announced again (one sweeper wins); false when it moved on meanwhile. */
    public boolean touchQueued(UUID id, Instant before, Instant now) {
        return jdbc.sql("UPDATE simulation SET updated_at = ? WHERE id = ? AND status = 'QUEUED' AND updated_at < ?")
                .params(ts(now), id, ts(before)).update() == 1;
    }

    /** Whether the assessment has a simulation created since {@code since} (periodic re-simulation spacing). */
    public boolean hasSimulationSince(UUID assessmentId, Instant since) {
        return jdbc.sql("SELECT count(*) FROM simulation WHERE assessment_id = ? AND created_at >= ?")
                .params(assessmentId, ts(since)).query(Long.class).single() > 0;
    }

    private SimulationRow row(ResultSet rs, int n) throws SQLException {
        String result = rs.getString("result");
        return new SimulationRow(rs.getObject("id", UUID.class), rs.getObject("owner_user_id", UUID.class),
                rs.getString("requested_by"), rs.getObject("assessment_id", UUID.class),
                SimulationStatus.valueOf(rs.getString("status")), json.readTree(rs.getString("request")),
                rs.getInt("progress_pct"), result == null ? null : json.readTree(result), rs.getString("error"),
                rs.getBoolean("cancel_requested"), rs.getInt("attempt"), rs.getString("lease_owner"),
                instant(rs.getTimestamp("lease_until")), instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
