package com.vaticprop.reconciliation.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.vaticprop.reconciliation.Window;

/**
 * Reads core-service's tables for the assessments that changed in the window (an outbox row or a trade in it).
 * Orders, trades, positions and accounts are read whole for those assessments — a balance is a sum over the whole
 * history, not over the window — while outbox rows are limited to the window, as the Kafka side is.
 */
public final class CoreReader {

    private final Connection db;
    private final String schema;

    public CoreReader(Connection db, String schema) {
        this.db = db;
        this.schema = schema;
    }

    public CoreData read(Window window) throws SQLException {
        Map<UUID, Long> lastSeq = new LinkedHashMap<>();
        query("""
                SELECT a.id, a.last_seq FROM %1$s.assessments a WHERE a.id IN (
                  SELECT assessment_id FROM %1$s.outbox WHERE assessment_id IS NOT NULL AND created_at >= ? AND created_at < ?
                  UNION SELECT assessment_id FROM %1$s.trades WHERE executed_at >= ? AND executed_at < ?)
                ORDER BY a.id""", window, rs -> lastSeq.put(uuid(rs, 1), rs.getLong(2)));
        UUID[] ids = lastSeq.keySet().toArray(UUID[]::new);

        List<CoreData.Account> accounts = new ArrayList<>();
        queryIds("SELECT id, assessment_id, initial_balance, balance, realized_pnl, fees_paid FROM %1$s.virtual_accounts "
                        + "WHERE assessment_id = ANY (?) ORDER BY id", ids,
                rs -> accounts.add(new CoreData.Account(uuid(rs, 1), uuid(rs, 2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBigDecimal(6))));
        List<CoreData.Order> orders = new ArrayList<>();
        // voided rows (a breach an admin voided as a bad tick: its fills and liquidation) are on record but count nowhere
        queryIds("SELECT id, assessment_id, status, qty, filled_qty FROM %1$s.orders WHERE assessment_id = ANY (?) "
                        + "AND voided_at IS NULL", ids,
                rs -> orders.add(new CoreData.Order(uuid(rs, 1), uuid(rs, 2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5))));
        List<CoreData.Trade> trades = new ArrayList<>();
        queryIds("SELECT id, assessment_id, account_id, order_id, instrument, side, qty, price, fee, executed_at "
                        + "FROM %1$s.trades WHERE assessment_id = ANY (?) AND voided_at IS NULL "
                        + "ORDER BY account_id, executed_at, id", ids,
                rs -> trades.add(new CoreData.Trade(uuid(rs, 1), uuid(rs, 2), uuid(rs, 3), uuid(rs, 4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), instant(rs, 10))));
        List<CoreData.Position> positions = new ArrayList<>();
        queryIds("SELECT id, assessment_id, account_id, instrument, side, qty, realized_pnl, fees, status, opened_at "
                        + "FROM %1$s.positions WHERE assessment_id = ANY (?) AND voided_at IS NULL", ids,
                rs -> positions.add(new CoreData.Position(uuid(rs, 1), uuid(rs, 2), uuid(rs, 3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        rs.getString(9), instant(rs, 10))));
        List<CoreData.OutboxRow> outbox = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(("""
                SELECT id, assessment_id, seq, topic, event_type, created_at, published_at,
                       CASE WHEN event_type = 'trading.order-filled' THEN payload -> 'data' ->> 'tradeId' END
                FROM %1$s.outbox WHERE assessment_id = ANY (?) AND created_at >= ? AND created_at < ?
                ORDER BY assessment_id, seq""").formatted(schema))) {
            st.setArray(1, db.createArrayOf("uuid", ids));
            st.setTimestamp(2, Timestamp.from(window.from()));
            st.setTimestamp(3, Timestamp.from(window.to()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long seq = rs.getLong(3);
                    String trade = rs.getString(8);
                    outbox.add(new CoreData.OutboxRow(uuid(rs, 1), uuid(rs, 2), rs.wasNull() ? null : seq,
                            rs.getString(4), rs.getString(5), instant(rs, 6), instant(rs, 7),
                            trade == null ? null : UUID.fromString(trade)));
                }
            }
        }
        java.util.Set<UUID> voidedTrades = new java.util.HashSet<>();
        queryIds("SELECT id FROM %1$s.trades WHERE assessment_id = ANY (?) AND voided_at IS NOT NULL", ids,
                rs -> voidedTrades.add(uuid(rs, 1)));
        return new CoreData(lastSeq, accounts, orders, trades, positions, outbox, voidedTrades);
    }

    private void query(String sql, Window window, Row row) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql.formatted(schema))) {
            st.setTimestamp(1, Timestamp.from(window.from()));
            st.setTimestamp(2, Timestamp.from(window.to()));
            st.setTimestamp(3, Timestamp.from(window.from()));
            st.setTimestamp(4, Timestamp.from(window.to()));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    private void queryIds(String sql, UUID[] ids, Row row) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql.formatted(schema))) {
            st.setArray(1, db.createArrayOf("uuid", ids));
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** One result row's handler. */
    @FunctionalInterface
    public interface Row {
        void accept(ResultSet rs) throws SQLException;
    }
}
