package com.vaticprop.reconciliation.readmodel;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;

/** Runs one query over a set of assessment ids ({@code = ANY (?)}), the only shape the read-model checks need. */
final class Sql {

    private Sql() {
    }

    static void forAssessments(Connection db, String sql, Collection<UUID> ids, Row row) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setArray(1, db.createArrayOf("uuid", ids.toArray(UUID[]::new)));
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

    @FunctionalInterface
    interface Row {
        void accept(ResultSet rs) throws SQLException;
    }
}
