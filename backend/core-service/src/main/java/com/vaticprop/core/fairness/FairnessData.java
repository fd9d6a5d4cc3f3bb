package com.vaticprop.core.fairness;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Loads what the detectors need for a period {@code [from, to)}; read-only. */
@Repository
class FairnessData {

    private final JdbcClient jdbc;

    FairnessData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TradingRecords.OpenedPosition> openedPositions(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT p.id, p.assessment_id, a.user_id, p.instrument, p.side, p.qty, p.opened_at
                        FROM positions p JOIN assessments a ON a.id = p.assessment_id
                        WHERE p.opened_at >= ? AND p.opened_at < ? AND p.voided_at IS NULL ORDER BY p.opened_at""")
                .params(Sql.ts(from), Sql.ts(to))
                .query((rs, n) -> new TradingRecords.OpenedPosition(Sql.uuid(rs, "id"), Sql.uuid(rs, "assessment_id"),
                        Sql.uuid(rs, "user_id"), rs.getString("instrument"), rs.getString("side"),
                        rs.getBigDecimal("qty"), Sql.instant(rs, "opened_at"))).list();
    }

    List<TradingRecords.Order> orders(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT o.id, o.assessment_id, a.user_id, o.instrument, o.side, o.type, o.qty, o.created_at
                        FROM orders o JOIN assessments a ON a.id = o.assessment_id
                        WHERE o.created_at >= ? AND o.created_at < ? AND o.status <> 'REJECTED' AND o.voided_at IS NULL
                        ORDER BY o.created_at""")
                .params(Sql.ts(from), Sql.ts(to))
                .query((rs, n) -> new TradingRecords.Order(Sql.uuid(rs, "id"), Sql.uuid(rs, "assessment_id"),
                        Sql.uuid(rs, "user_id"), rs.getString("instrument"), rs.getString("side"),
                        rs.getString("type"), rs.getBigDecimal("qty"), Sql.instant(rs, "created_at"))).list();
    }

    List<TradingRecords.Fill> fills(Instant from, Instant to) {
        return jdbc.sql("""
                        SELECT t.id, t.assessment_id, a.user_id, t.instrument, t.side, t.qty, t.executed_at
                        FROM trades t JOIN assessments a ON a.id = t.assessment_id
                        WHERE t.executed_at >= ? AND t.executed_at < ? AND t.voided_at IS NULL ORDER BY t.executed_at""")
                .params(Sql.ts(from), Sql.ts(to))
                .query((rs, n) -> new TradingRecords.Fill(Sql.uuid(rs, "id"), Sql.uuid(rs, "assessment_id"),
                        Sql.uuid(rs, "user_id"), rs.getString("instrument"), rs.getString("side"),
                        rs.getBigDecimal("qty"), Sql.instant(rs, "executed_at"))).list();
    }

    /** Gaps that ended in the period or up to {@code lookBack} before it (a fill early in the period may follow one). */
    List<TradingRecords.QuoteGap> gaps(Instant from, Instant to, Duration lookBack) {
        return jdbc.sql("SELECT instrument, gap_start, gap_end FROM quote_gaps WHERE gap_end >= ? AND gap_end < ?")
                .params(Sql.ts(from.minus(lookBack)), Sql.ts(to))
                .query((rs, n) -> new TradingRecords.QuoteGap(rs.getString("instrument"),
                        Sql.instant(rs, "gap_start"), Sql.instant(rs, "gap_end"))).list();
    }
}
