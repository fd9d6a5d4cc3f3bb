package com.vaticprop.platform.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Prints the live schema of a service (tables, columns, keys, indexes) as SQL-like text from information_schema and
 * pg_indexes, both of which CockroachDB serves too — the equivalent of the original {@code db:pull}, for checking a
 * database against the migrations without pg_dump.
 */
public final class SchemaDump {

    private SchemaDump() {
    }

    public static String dump(Connection connection, String schema) throws SQLException {
        StringBuilder out = new StringBuilder("-- schema ").append(schema).append('\n');
        try (PreparedStatement tables = connection.prepareStatement(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' "
                        + "ORDER BY table_name")) {
            tables.setString(1, schema);
            try (ResultSet rs = tables.executeQuery()) {
                while (rs.next()) {
                    appendTable(connection, schema, rs.getString(1), out);
                }
            }
        }
        try (PreparedStatement indexes = connection.prepareStatement(
                "SELECT indexdef FROM pg_indexes WHERE schemaname = ? ORDER BY tablename, indexname")) {
            indexes.setString(1, schema);
            try (ResultSet rs = indexes.executeQuery()) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append(";\n");
                }
            }
        }
        return out.toString();
    }

    private static void appendTable(Connection connection, String schema, String table, StringBuilder out)
            throws SQLException {
        out.append("\nCREATE TABLE ").append(schema).append('.').append(table).append(" (\n");
        try (PreparedStatement columns = connection.prepareStatement(
                "SELECT column_name, data_type, is_nullable, column_default, numeric_precision, numeric_scale "
                        + "FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                        + "ORDER BY ordinal_position")) {
            columns.setString(1, schema);
            columns.setString(2, table);
            try (ResultSet rs = columns.executeQuery()) {
                boolean first = true;
                while (rs.next()) {
                    if (!first) {
                        out.append(",\n");
                    }
                    first = false;
                    out.append("  ").append(rs.getString(1)).append(' ').append(rs.getString(2));
                    if ("numeric".equals(rs.getString(2)) && rs.getObject(5) != null) {
                        out.append('(').append(rs.getInt(5)).append(',').append(rs.getInt(6)).append(')');
                    }
                    if ("NO".equals(rs.getString(3))) {
                        out.append(" NOT NULL");
                    }
                    if (rs.getString(4) != null) {
                        out.append(" DEFAULT ").append(rs.getString(4));
                    }
                }
            }
        }
        out.append("\n);\n");
    }
}
