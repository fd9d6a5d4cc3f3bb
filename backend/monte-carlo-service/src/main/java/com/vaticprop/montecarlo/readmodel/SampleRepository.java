package com.vaticprop.montecarlo.readmodel;

import com.vaticprop.montecarlo.spec.SampleJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the read model: an assessment's pinned terms and its sample in the current phase. */
public final class SampleRepository {

    /** What {@code assessment.created} (and later state events) said about an assessment. */
    public record AssessmentTerms(UUID assessmentId, UUID userId, JsonNode ruleSet, BigDecimal initialBalance,
                                  int phase, String status) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public SampleRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<AssessmentTerms> terms(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT assessment_id, user_id, rule_set::TEXT AS rule_set, initial_balance, phase, status
                        FROM assessment_sample WHERE assessment_id = ?""")
                .param(assessmentId)
                .query((rs, n) -> new AssessmentTerms(rs.getObject("assessment_id", UUID.class),
                        rs.getObject("user_id", UUID.class), json.readTree(rs.getString("rule_set")),
                        rs.getBigDecimal("initial_balance"), rs.getInt("phase"), rs.getString("status")))
                .optional();
    }

    /** Closed round trips of the phase, P&L net of fees, in closing order. */
    public List<SampleJson.Trip> roundTrips(UUID assessmentId, int phase) {
        return jdbc.sql("""
                        SELECT opened_at, closed_at, realized_pnl - fees AS pnl, notional FROM sample_round_trip
                        WHERE assessment_id = ? AND phase = ? ORDER BY closed_at, seq""")
                .params(assessmentId, phase)
                .query((rs, n) -> new SampleJson.Trip(rs.getTimestamp("opened_at").toInstant(),
                        rs.getTimestamp("closed_at").toInstant(), rs.getBigDecimal("pnl"),
                        rs.getBigDecimal("notional"), null))
                .list();
    }

    public List<SampleJson.Day> days(UUID assessmentId, int phase) {
        return jdbc.sql("""
                        SELECT day, close_balance, close_equity, day_pnl, min_equity, max_equity, trading_day, fills
                        FROM sample_day WHERE assessment_id = ? AND phase = ? ORDER BY day""")
                .params(assessmentId, phase)
                .query((rs, n) -> new SampleJson.Day(rs.getDate("day").toLocalDate(),
                        rs.getBigDecimal("close_balance"), rs.getBigDecimal("close_equity"),
                        rs.getBigDecimal("day_pnl"), rs.getBigDecimal("min_equity"), rs.getBigDecimal("max_equity"),
                        rs.getBoolean("trading_day"), rs.getInt("fills")))
                .list();
    }

    /** ACTIVE assessments with at least {@code minTrips} round trips in their current phase. */
    public List<UUID> activeWithRoundTrips(int minTrips) {
        return jdbc.sql("""
                        SELECT a.assessment_id FROM assessment_sample a
                        WHERE a.status = 'ACTIVE' AND (SELECT count(*) FROM sample_round_trip t
                            WHERE t.assessment_id = a.assessment_id AND t.phase = a.phase) >= ?""")
                .param(minTrips).query(UUID.class).list();
    }
}
