package com.vaticprop.deployment;

import com.vaticprop.platform.config.DatabaseUrl;
import com.vaticprop.platform.config.ServiceKind;
import com.vaticprop.platform.migration.Migrations;
import com.vaticprop.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * deploy/migrations/database-users.sql against a real PostgreSQL (CockroachDB accepts the same statements): the
 * migrator applies the service's real migrations, the application user validates them and reads and writes the
 * tables — and can change no schema. This is the production split: the migration Job migrates, the pods only validate.
 */
class DatabaseUsersTest {

    private static String adminJdbcUrl;

    @BeforeAll
    static void createUsers() throws Exception {
        DatabaseUrl admin = DatabaseUrl.parse(TestInfrastructure.newDatabase("database_users"));
        adminJdbcUrl = admin.jdbcUrl();
        String sql = Files.readString(Manifests.root().resolve("deploy/migrations/database-users.sql"));
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, admin.username(), admin.password());
             Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
        }
    }

    /** The file's statements, comments dropped. */
    static List<String> statements(String sql) {
        StringBuilder text = new StringBuilder();
        sql.lines().filter(l -> !l.strip().startsWith("--")).forEach(l -> text.append(l).append('\n'));
        List<String> out = new ArrayList<>();
        for (String part : text.toString().split(";")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = ServiceKind.class, names = {"CORE", "MONTE_CARLO", "REPORT"})
    void theMigratorMigratesTheAppValidatesAndUsesTheTablesButCannotChangeTheSchema(ServiceKind kind) throws Exception {
        String schema = kind.schema().orElseThrow();
        String migrator = schema + "_migrator";
        String app = schema + "_app";

        int applied = Migrations.flyway(adminJdbcUrl, migrator, "change-me-" + schema + "-migrator", schema)
                .migrate().migrationsExecuted;
        assertThat(applied).as("the platform's and the service's migrations").isGreaterThanOrEqualTo(1);

        // what an application pod does with VATIC_DATABASE_MIGRATE_ON_START=false
        Migrations.flyway(adminJdbcUrl, app, "change-me-" + schema + "-app", schema).validate();

        try (Connection c = DriverManager.getConnection(adminJdbcUrl, app, "change-me-" + schema + "-app");
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = '"
                    + schema + "' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).contains("flyway_schema_history").hasSizeGreaterThan(1);
            for (String table : tables) {
                for (String privilege : List.of("SELECT", "INSERT", "UPDATE", "DELETE")) {
                    try (ResultSet rs = s.executeQuery("SELECT has_table_privilege('" + app + "', '" + schema + "."
                            + table + "', '" + privilege + "')")) {
                        rs.next();
                        assertThat(rs.getBoolean(1)).as(app + " " + privilege + " on " + table).isTrue();
                    }
                }
            }
            String someTable = tables.stream().filter(t -> !t.equals("flyway_schema_history")).findFirst().orElseThrow();
            assertDenied(s, "CREATE TABLE " + schema + ".intruder (id INT)");
            assertDenied(s, "ALTER TABLE " + schema + "." + someTable + " ADD COLUMN intruder INT");
            assertDenied(s, "DROP TABLE " + schema + "." + someTable);
            assertDenied(s, "CREATE TABLE public.intruder (id INT)");
            assertDenied(s, "CREATE SCHEMA intruder");
        }
    }

    private static void assertDenied(Statement s, String ddl) {
        assertThatThrownBy(() -> s.execute(ddl)).as(ddl).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState())
                        .as("insufficient_privilege or must be owner").isIn("42501"));
    }
}
