package com.vaticprop.report.readmodel;

import com.vaticprop.report.metrics.TripResult;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Reads of the read model for one report. Round trips are streamed (fetch size), never listed. */
public final class ReportRepository {

    /** A closed day as stored. */
    public record StoredDay(LocalDate day, BigDecimal closeBalance, BigDecimal closeEquity, BigDecimal dayPnl,
                            BigDecimal minEquity, BigDecimal maxEquity, boolean tradingDay, int fills) {
    }

    /** A violation as stored (explanation and quote as JSON text). */
    public record StoredViolation(UUID violationId, String rule, String explanationJson, BigDecimal threshold,
                                  BigDecimal measured, String quoteJson, Instant detectedAt, boolean voided) {
    }

    /** The latest simulation as stored. */
    public record StoredSimulation(UUID simulationId, String summaryJson, String fanChartJson, Instant completedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ReportRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<AssessmentRow> assessment(UUID id) {
        return jdbc.sql("SELECT * FROM assessment WHERE assessment_id = ?").param(id)
                .query((rs, n) -> new AssessmentRow(id, rs.getObject("user_id", UUID.class),
                        rs.getObject("tier_id", UUID.class), rs.getInt("tier_version"), rs.getString("rule_set"),
                        rs.getBigDecimal("initial_balance"), rs.getString("currency"), rs.getInt("phase"),
                        rs.getString("status"), rs.getString("result"), rs.getString("reason"),
                        rs.getBigDecimal("final_balance"), rs.getBigDecimal("final_equity"),
                        rs.getObject("violation_id", UUID.class), rs.getBoolean("funded_eligible"),
                        rs.getBigDecimal("profit_split_pct"), instant(rs, "created_at"), instant(rs, "started_at"),
                        instant(rs, "ended_at"), rs.getLong("last_seq")))
                .optional();
    }

    public List<StoredDay> days(UUID id, int phase) {
        return jdbc.sql("""
                        SELECT day, close_balance, close_equity, day_pnl, min_equity, max_equity, trading_day, fills
                        FROM trading_day WHERE assessment_id = ? AND phase = ? ORDER BY day""")
                .params(id, phase)
                .query((rs, n) -> new StoredDay(rs.getDate("day").toLocalDate(), rs.getBigDecimal("close_balance"),
                        rs.getBigDecimal("close_equity"), rs.getBigDecimal("day_pnl"),
                        rs.getBigDecimal("min_equity"), rs.getBigDecimal("max_equity"),
                        rs.getBoolean("trading_day"), rs.getInt("fills")))
                .list();
    }

    /** Streams the phase's round trips (net of fees) in close order, without holding them. */
    public void roundTrips(UUID id, int phase, Consumer<TripResult> sink) {
        template.query(con -> {
            var ps = con.prepareStatement("""
                    SELECT instrument, opened_at, closed_at, realized_pnl - fees AS net FROM round_trip
                    WHERE assessment_id = ? AND phase = ? ORDER BY closed_at, seq""");
            ps.setObject(1, id);
            ps.setInt(2, phase);
            ps.setFetchSize(1000);
            return ps;
        }, rs -> {
            sink.accept(new TripResult(rs.getString(1), rs.getTimestamp(2).toInstant(),
                    rs.getTimestamp(3).toInstant(), rs.getBigDecimal(4)));
        });
    }

    public int fills(UUID id, int phase) {
        return jdbc.sql("SELECT count(*) FROM fill WHERE assessment_id = ? AND phase = ?").params(id, phase)
                .query(Integer.class).single();
    }

    public int fillsBetween(UUID id, int phase, Instant from, Instant to) {
        return jdbc.sql("SELECT count(*) FROM fill WHERE assessment_id = ? AND phase = ? AND filled_at >= ? "
                        + "AND filled_at < ?")
                .params(id, phase, Timestamp.from(from), Timestamp.from(to)).query(Integer.class).single();
    }

    public List<StoredViolation> violations(UUID id) {
        return jdbc.sql("""
                        SELECT violation_id, rule, explanation, threshold, measured, quote, detected_at, voided
                        FROM violation WHERE assessment_id = ? ORDER BY seq""")
                .param(id)
                .query((rs, n) -> new StoredViolation(rs.getObject("violation_id", UUID.class), rs.getString("rule"),
                        rs.getString("explanation"), rs.getBigDecimal("threshold"), rs.getBigDecimal("measured"),
                        rs.getString("quote"), instant(rs, "detected_at"), rs.getBoolean("voided")))
                .list();
    }

    public Optional<StoredSimulation> simulation(UUID id) {
        return jdbc.sql("SELECT simulation_id, summary, fan_chart, completed_at FROM simulation WHERE assessment_id = ?")
                .param(id)
                .query((rs, n) -> new StoredSimulation(rs.getObject("simulation_id", UUID.class),
                        rs.getString("summary"), rs.getString("fan_chart"), instant(rs, "completed_at")))
                .optional();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
