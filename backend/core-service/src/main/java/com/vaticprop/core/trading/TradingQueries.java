package com.vaticprop.core.trading;

import com.vaticprop.core.support.Sql;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import com.vaticprop.platform.json.VaticJson;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads of an assessment's trading rows, newest first; the caller has already been checked as its owner. */
@Service
class TradingQueries {

    static final RowMapper<OrderView> ORDER = (rs, n) -> new OrderView(Sql.uuid(rs, "id"),
            Sql.uuid(rs, "assessment_id"), rs.getString("instrument"), rs.getString("side"), rs.getString("type"),
            plain(rs.getBigDecimal("qty")), plain(rs.getBigDecimal("limit_price")),
            plain(rs.getBigDecimal("stop_price")), rs.getString("tif"), rs.getBoolean("reduce_only"),
            rs.getString("status"), plain(rs.getBigDecimal("filled_qty")), plain(rs.getBigDecimal("avg_fill_price")),
            rs.getString("reject_check"), rs.getString("reject_reason"), rs.getString("idempotency_key"),
            Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));

    private final JdbcClient jdbc;

    TradingQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrderView> order(UUID assessmentId, UUID orderId) {
        return jdbc.sql("SELECT * FROM orders WHERE assessment_id = ? AND id = ?").params(assessmentId, orderId)
                .query(ORDER).optional();
    }

    Optional<OrderView> orderByKey(UUID assessmentId, String idempotencyKey) {
        return jdbc.sql("SELECT * FROM orders WHERE assessment_id = ? AND idempotency_key = ?")
                .params(assessmentId, idempotencyKey).query(ORDER).optional();
    }

    List<OrderView> orders(UUID assessmentId, String status, int limit) {
        return status == null
                ? jdbc.sql("SELECT * FROM orders WHERE assessment_id = ? ORDER BY created_at DESC, id LIMIT ?")
                .params(assessmentId, limit).query(ORDER).list()
                : jdbc.sql("SELECT * FROM orders WHERE assessment_id = ? AND status = ? "
                        + "ORDER BY created_at DESC, id LIMIT ?")
                .params(assessmentId, status, limit).query(ORDER).list();
    }

    List<Map<String, Object>> positions(UUID assessmentId, String status, int limit) {
        String where = status == null ? "" : " AND status = ?";
        Object[] params = status == null ? new Object[]{assessmentId, limit}
                : new Object[]{assessmentId, status, limit};
        return jdbc.sql("""
                        SELECT id, instrument, side, qty, avg_entry, exit_price, realized_pnl, fees, status,
                               opened_at, closed_at FROM positions WHERE assessment_id = ? AND voided_at IS NULL""" + where
                        + " ORDER BY opened_at DESC, id LIMIT ?")
                .params(params).query().listOfRows().stream().map(TradingQueries::json).toList();
    }

    List<Map<String, Object>> trades(UUID assessmentId, int limit) {
        return jdbc.sql("""
                        SELECT id, order_id, position_id, instrument, side, qty, price, fee, notional,
                               CAST(quote AS TEXT) AS quote, executed_at
                        FROM trades WHERE assessment_id = ? AND voided_at IS NULL ORDER BY executed_at DESC, id LIMIT ?""")
                .params(assessmentId, limit).query().listOfRows().stream().map(TradingQueries::json).toList();
    }

    List<Map<String, Object>> ruleChecks(UUID assessmentId, String rule, int limit) {
        String where = rule == null ? "" : " AND rule = ?";
        Object[] params = rule == null ? new Object[]{assessmentId, limit} : new Object[]{assessmentId, rule, limit};
        return jdbc.sql("""
                        SELECT id, rule, reason, outcome, value, limit_value, distance, distance_pct,
                               CAST(explanation AS TEXT) AS explanation, CAST(quote AS TEXT) AS quote, checked_at
                        FROM rule_checks WHERE assessment_id = ?""" + where + " ORDER BY checked_at DESC, id LIMIT ?")
                .params(params).query().listOfRows().stream().map(TradingQueries::json).toList();
    }

    List<Map<String, Object>> violations(UUID assessmentId) {
        return jdbc.sql("""
                        SELECT id, rule, CAST(explanation AS TEXT) AS explanation, CAST(quote AS TEXT) AS quote,
                               detected_at, voided_at, void_reason
                        FROM violations WHERE assessment_id = ? ORDER BY detected_at DESC, id""")
                .param(assessmentId).query().listOfRows().stream().map(TradingQueries::json).toList();
    }

    /** Column names in camelCase, decimals as plain strings, JSON columns as JSON. */
    private static Map<String, Object> json(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        row.forEach((column, value) -> {
            Object v = value;
            if (value instanceof BigDecimal d) {
                v = plain(d);
            } else if (value instanceof java.sql.Timestamp t) {
                v = t.toInstant();
            } else if (value instanceof java.time.OffsetDateTime t) {
                v = t.toInstant();
            } else if ((column.equals("quote") || column.equals("explanation")) && value instanceof String s) {
                v = VaticJson.mapper().readTree(s);
            }
            out.put(camel(column), v instanceof JsonNode || v == null || v instanceof String || v instanceof Boolean
                    || v instanceof java.time.Instant || v instanceof Number ? v : String.valueOf(v));
        });
        return out;
    }

    private static String camel(String column) {
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(ch) : ch);
                upper = false;
            }
        }
        return b.toString();
    }

    static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
