package com.vaticprop.core.schema;

import com.vaticprop.platform.config.DatabaseUrl;
import com.vaticprop.platform.migration.Migrations;
import com.vaticprop.testkit.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The migrations apply to an empty schema on the embedded PostgreSQL 18 and create every model of issue 4. */
class CoreSchemaTest {

    private static DatabaseUrl url;

    @BeforeAll
    static void migrate() {
        url = DatabaseUrl.parse(TestInfrastructure.newDatabase(CoreSchemaTest.class.getSimpleName()));
        Flyway flyway = Migrations.flyway(url.jdbcUrl(), url.username(), url.password(), "core");
        flyway.migrate();
        flyway.validate();
    }

    private static Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection(url.jdbcUrl(), url.username(), url.password());
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path TO core");
        }
        return c;
    }

    @Test
    void everyModelHasItsTable() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'core'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).contains("users", "sessions", "signing_keys", "tiers", "tier_versions", "purchases",
                "assessments", "virtual_accounts", "orders", "positions", "trades", "rule_checks", "violations",
                "outbox", "idempotency_keys", "stripe_events", "processed_event", "consumer_seq_cursor");
    }

    @Test
    void moneyColumnsAreNumeric20Scale8() throws SQLException {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("""
                SELECT table_name, column_name, data_type, numeric_precision, numeric_scale
                FROM information_schema.columns
                WHERE table_schema = 'core' AND column_name IN
                  ('price', 'amount', 'balance', 'initial_balance', 'qty', 'fee', 'realized_pnl', 'avg_entry')""")) {
            int seen = 0;
            while (rs.next()) {
                seen++;
                assertThat(rs.getString("data_type")).as("%s.%s", rs.getString(1), rs.getString(2))
                        .isEqualTo("numeric");
                assertThat(rs.getInt("numeric_precision")).isEqualTo(20);
                assertThat(rs.getInt("numeric_scale")).isEqualTo(8);
            }
            assertThat(seen).isGreaterThan(8);
        }
    }

    @Test
    void emailIsUniqueAndOutboxSeqIsUniquePerAssessment() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO users (id, email, password_hash, role, status, created_at, updated_at)
                    VALUES ('00000000-0000-0000-0000-000000000001', 'a@example.com', 'x', 'TRADER', 'ACTIVE',
                            now(), now())""");
            assertThatThrownBy(() -> s.execute("""
                    INSERT INTO users (id, email, password_hash, role, status, created_at, updated_at)
                    VALUES ('00000000-0000-0000-0000-000000000002', 'a@example.com', 'x', 'TRADER', 'ACTIVE',
                            now(), now())""")).isInstanceOf(SQLException.class).hasMessageContaining("users_email_key");
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            String row = """
                    INSERT INTO outbox (id, assessment_id, seq, topic, event_key, event_type, payload, created_at, attempts)
                    VALUES ('%s', '00000000-0000-0000-0000-0000000000aa', 1, 'assessment.created', 'k', 't', '{}',
                            now(), 0)""";
            s.execute(row.formatted("00000000-0000-0000-0000-000000000011"));
            assertThatThrownBy(() -> s.execute(row.formatted("00000000-0000-0000-0000-000000000012")))
                    .isInstanceOf(SQLException.class).hasMessageContaining("outbox_seq_key");
        }
    }
}
