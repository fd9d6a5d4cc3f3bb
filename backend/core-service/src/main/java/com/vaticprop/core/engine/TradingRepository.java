package com.vaticprop.core.engine;

import com.vaticprop.core.support.Sql;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.position.ClosedPosition;
import com.vaticprop.trading.position.Position;
import com.vaticprop.trading.rules.RuleCheck;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The trading rows an engine result writes: orders, trades, positions, rule checks, violations, and the account's
 * booked totals. Every method runs in the caller's transaction (the one that also writes the outbox).
 */
@Repository
class TradingRepository {

    private final JdbcClient jdbc;

    TradingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertOrder(UUID assessmentId, UUID accountId, OrderRequest o, String status, String rejectCheck,
                     String rejectReason, Instant at) {
        jdbc.sql("""
                        INSERT INTO orders (id, assessment_id, account_id, instrument, side, type, qty, limit_price,
                                            stop_price, tif, reduce_only, status, filled_qty, reject_check,
                                            reject_reason, idempotency_key, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""")
                .params(UUID.fromString(o.orderId()), assessmentId, accountId, o.instrument().value(),
                        o.side().name(), o.type().name(), o.qty(), o.limitPrice(), o.stopPrice(), o.tif().name(),
                        o.reduceOnly(), status, rejectCheck, truncate(rejectReason, 500),
                        o.idempotencyKey() == null ? o.orderId() : o.idempotencyKey(), Sql.ts(at), Sql.ts(at))
                .update();
    }

    void cancelOrder(UUID orderId, String reason, Instant at) {
        jdbc.sql("""
                        UPDATE orders SET status = 'CANCELLED', reject_reason = ?, updated_at = ?
                        WHERE id = ? AND status IN ('PENDING', 'OPEN', 'PARTIALLY_FILLED')""")
                .params(truncate(reason, 500), Sql.ts(at), orderId).update();
    }

    /** Adds a fill to its order: filled quantity, volume-weighted average price, FILLED when nothing is left. */
    void applyFill(UUID orderId, BigDecimal qty, BigDecimal price, Instant at) {
        jdbc.sql("""
                        UPDATE orders SET
                            avg_fill_price = (COALESCE(avg_fill_price, 0) * filled_qty + ? * ?) / (filled_qty + ?),
                            filled_qty = filled_qty + ?,
                            status = CASE WHEN filled_qty + ? >= qty THEN 'FILLED' ELSE 'PARTIALLY_FILLED' END,
                            updated_at = ?
                        WHERE id = ?""")
                .params(price, qty, qty, qty, qty, Sql.ts(at), orderId).update();
    }

    void insertTrade(UUID tradeId, UUID assessmentId, UUID accountId, UUID positionId, Fill f, String quoteJson) {
        jdbc.sql("""
                        INSERT INTO trades (id, assessment_id, account_id, order_id, position_id, instrument, side,
                                            qty, price, fee, notional, quote, executed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), ?)""")
                .params(tradeId, assessmentId, accountId, UUID.fromString(f.orderId()), positionId,
                        f.instrument().value(), f.side().name(), f.qty(), f.price(), f.fee(),
                        f.qty().multiply(f.price()), quoteJson, Sql.ts(f.at()))
                .update();
    }

    /** The open position of an instrument, if any (what a fill just booked against). */
    UUID openPositionId(UUID accountId, String instrument) {
        return jdbc.sql("SELECT id FROM positions WHERE account_id = ? AND instrument = ? AND status = 'OPEN'")
                .params(accountId, instrument).query(UUID.class).optional().orElse(null);
    }

    void insertPosition(UUID positionId, UUID assessmentId, UUID accountId, Position p) {
        jdbc.sql("""
                        INSERT INTO positions (id, assessment_id, account_id, instrument, side, qty, avg_entry,
                                               realized_pnl, fees, status, opened_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)
                        ON CONFLICT (id) DO NOTHING""")
                .params(positionId, assessmentId, accountId, p.instrument().value(), p.isLong() ? "LONG" : "SHORT",
                        p.absQty(), p.avgEntry(), p.realizedPnl(), p.fees(), Sql.ts(p.openedAt()),
                        Sql.ts(p.openedAt()))
                .update();
    }

    void closePosition(UUID positionId, ClosedPosition c) {
        jdbc.sql("""
                        UPDATE positions SET status = 'CLOSED', qty = ?, avg_entry = ?, exit_price = ?,
                               realized_pnl = ?, fees = ?, closed_at = ?, updated_at = ?
                        WHERE id = ?""")
                .params(c.qty(), c.avgEntry(), c.exitPrice(), c.realizedPnl(), c.fees(), Sql.ts(c.closedAt()),
                        Sql.ts(c.closedAt()), positionId)
                .update();
    }

    /** Keeps the open position's row in step with the engine (quantity and entry after a partial close or add). */
    void updateOpenPosition(UUID positionId, Position p, Instant at) {
        jdbc.sql("UPDATE positions SET qty = ?, avg_entry = ?, realized_pnl = ?, fees = ?, updated_at = ? WHERE id = ?")
                .params(p.absQty(), p.avgEntry(), p.realizedPnl(), p.fees(), Sql.ts(at), positionId).update();
    }

    void insertRuleCheck(UUID assessmentId, UUID accountId, RuleCheck c, String reason, String quoteJson) {
        jdbc.sql("""
                        INSERT INTO rule_checks (id, assessment_id, account_id, rule, reason, outcome, value,
                                                 limit_value, distance, distance_pct, explanation, quote, checked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), ?)""")
                .params(UUID.randomUUID(), assessmentId, accountId, c.rule().name(), reason, outcome(c),
                        c.measured(), c.threshold(), c.distance(), c.distancePct(), explanationJson(c), quoteJson,
                        Sql.ts(c.at()))
                .update();
    }

    void insertViolation(UUID violationId, UUID assessmentId, UUID accountId, RuleCheck c, String quoteJson,
                         Instant at) {
        jdbc.sql("""
                        INSERT INTO violations (id, assessment_id, account_id, rule, explanation, quote, detected_at)
                        VALUES (?, ?, ?, ?, CAST(? AS JSONB), CAST(? AS JSONB), ?)""")
                .params(violationId, assessmentId, accountId, c.rule().name(), explanationJson(c), quoteJson,
                        Sql.ts(at))
                .update();
    }

    void updateAccount(UUID accountId, BigDecimal balance, BigDecimal realized, BigDecimal fees, Instant at) {
        jdbc.sql("""
                        UPDATE virtual_accounts SET balance = ?, realized_pnl = ?, fees_paid = ?, updated_at = ?,
                               state_version = state_version + 1
                        WHERE id = ?""")
                .params(balance, realized, fees, Sql.ts(at), accountId).update();
    }

    void closeAccount(UUID accountId, Instant at) {
        jdbc.sql("UPDATE virtual_accounts SET closed_at = ?, updated_at = ? WHERE id = ? AND closed_at IS NULL")
                .params(Sql.ts(at), Sql.ts(at), accountId).update();
    }

    private static String outcome(RuleCheck c) {
        return switch (c.verdict()) {
            case OK -> "OK";
            case BREACH -> "BREACHED";
            case MET -> "MET";
            case NOT_MET -> "WARNING";
        };
    }

    /** {inputs, threshold, value, anchor, zone, text} — what a dispute needs to re-read the decision. */
    static String explanationJson(RuleCheck c) {
        Map<String, Object> e = new java.util.LinkedHashMap<>();
        e.put("inputs", c.inputs());
        e.put("threshold", c.threshold());
        e.put("value", c.measured());
        e.put("anchor", c.anchor());
        e.put("zone", c.zone() == null ? null : c.zone().getId());
        e.put("text", c.explanation());
        return VaticJson.mapper().writeValueAsString(e);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
