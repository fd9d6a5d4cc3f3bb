package com.vaticprop.platform.boot;

import com.vaticprop.platform.config.ServiceEnvironment;
import com.vaticprop.platform.config.ServiceKind;
import com.vaticprop.testkit.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class VaticApplicationPreflightTest {

    private static String databaseUrl;

    @BeforeAll
    static void database() {
        databaseUrl = TestInfrastructure.newDatabase(VaticApplicationPreflightTest.class.getSimpleName());
    }

    private record Run(int code, String out, String err) {
    }

    private static Run preflight(ServiceKind kind, Map<String, String> vars, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VaticApplication.preflight(ServiceEnvironment.of(kind, vars), args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> coreProductionWithoutDatabase() {
        return new HashMap<>(Map.of(
                "APP_ENV", "production",
                "REDIS_HOST", "redis.internal", "REDIS_PORT", "6379",
                "KAFKA_BROKERS", "kafka:9092", "KAFKA_CLIENT_ID", "core-1",
                "STRIPE_SECRET_KEY", "sk_live_TOPSECRET", "STRIPE_WEBHOOK_SECRET", "whsec_TOPSECRET"));
    }

    @Test
    void aMissingDatabaseUrlInProductionStopsWithExitCode78AndOneLineNamingIt() {
        Run run = preflight(ServiceKind.CORE, coreProductionWithoutDatabase());
        assertThat(run.code()).isEqualTo(VaticApplication.EX_CONFIG).isEqualTo(78);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).singleElement().satisfies(line -> {
            assertThat(line).startsWith("core-service cannot start: ").contains("DATABASE_URL")
                    .doesNotContain("TOPSECRET");
            // named once: not also reported as an unparseable URL
            assertThat(line.split("DATABASE_URL", -1)).hasSize(2);
        });
    }

    @Test
    void aMigrationCommandIsNotRunWithBadConfiguration() {
        Run run = preflight(ServiceKind.CORE, coreProductionWithoutDatabase(), "migrate");
        assertThat(run.code()).isEqualTo(78);
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aGoodEnvironmentWithoutACommandGoesOnToStartTheServer() {
        Map<String, String> vars = coreProductionWithoutDatabase();
        vars.put("DATABASE_URL", databaseUrl);
        Run run = preflight(ServiceKind.CORE, vars);
        assertThat(run.code()).isEqualTo(-1);
        assertThat(run.err()).isEmpty();
        assertThat(preflight(ServiceKind.CORE, vars, "--server.port=0").code()).isEqualTo(-1);
    }

    @Test
    void migrationCommandsRunAgainstTheDatabaseUrl() throws Exception {
        Map<String, String> vars = Map.of("DATABASE_URL", databaseUrl);

        Run migrate = preflight(ServiceKind.CORE, vars, "migrate");
        assertThat(migrate.code()).as(migrate.err()).isZero();
        assertThat(migrate.out()).contains("migrated schema core: 1 migration(s) applied");

        try (Connection c = DriverManager.getConnection(
                TestInfrastructure.postgres().jdbcUrl(databaseUrl.substring(databaseUrl.lastIndexOf('/') + 1)));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'core' ORDER BY 1")) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            assertThat(tables).containsExactly("consumer_seq_cursor", "flyway_schema_history", "processed_event");
        }

        Run again = preflight(ServiceKind.CORE, vars, "migrate");
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("0 migration(s) applied");

        Run info = preflight(ServiceKind.CORE, vars, "info");
        assertThat(info.code()).isZero();
        assertThat(info.out()).contains("0.1").contains("platform consumer tables").contains("SUCCESS");

        Run validate = preflight(ServiceKind.CORE, vars, "validate");
        assertThat(validate.code()).isZero();
        assertThat(validate.out()).contains("schema core matches its migrations");

        Run dump = preflight(ServiceKind.CORE, vars, "dump-schema");
        assertThat(dump.code()).as(dump.err()).isZero();
        assertThat(dump.out()).contains("CREATE TABLE core.processed_event (")
                .contains("event_id uuid NOT NULL")
                .contains("CREATE TABLE core.consumer_seq_cursor (")
                .contains("CREATE INDEX processed_event_processed_at_idx");
    }

    @Test
    void aServiceWithoutASchemaHasNoMigrations() {
        Run run = preflight(ServiceKind.MARKET_DATA, Map.of(), "migrate");
        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err()).contains("market-data-service owns no database schema");
    }

    @Test
    void anUnreachableDatabaseFailsTheCommandWithoutTheStackTrace() {
        Run run = preflight(ServiceKind.REPORT, Map.of("DATABASE_URL",
                "postgresql://u:Sup3rSecret@127.0.0.1:1/nowhere"), "validate");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines().toList()).singleElement()
                .satisfies(l -> assertThat(l).startsWith("validate failed: ").doesNotContain("Sup3rSecret"));
    }
}
