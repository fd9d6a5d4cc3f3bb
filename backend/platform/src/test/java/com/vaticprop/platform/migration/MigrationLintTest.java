package com.vaticprop.platform.migration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationLintTest {

    private static final Path SAMPLE = Path.of("V9__sample.sql");

    @Test
    void everyMigrationInTheRepositoryIsPortable() {
        Path root = MigrationLint.repoRoot(Path.of(""));
        List<Path> files = MigrationLint.migrations(root);
        assertThat(files).as("the scan finds the platform's own migrations")
                .contains(root.resolve("backend/platform/src/main/resources/db/platform/V0_1__platform_consumer_tables.sql"));
        List<MigrationLint.Finding> findings = files.stream().flatMap(f -> MigrationLint.lint(f).stream()).toList();
        assertThat(findings).as("non-portable SQL:%n%s", findings.stream().map(Object::toString)
                .reduce("", (a, b) -> a + b + System.lineSeparator())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "advisory lock|SELECT pg_advisory_lock(42);",
            "advisory lock|SELECT pg_try_advisory_xact_lock(1, 2);",
            "function|CREATE FUNCTION touch() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE sql;",
            "function|create or replace function f() returns int as 'select 1' language sql;",
            "function|CREATE PROCEDURE p() AS $$ SELECT 1 $$ LANGUAGE sql;",
            "trigger|CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION touch();",
            "trigger|create constraint trigger t after insert on x for each row execute procedure f();",
            "PL/pgSQL|CREATE OR REPLACE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql;",
            "DO block|DO $$ BEGIN PERFORM 1; END $$;",
            "DO block|do $body$ begin null; end $body$;",
            "DO block|DO LANGUAGE plpgsql $$ BEGIN NULL; END $$;",
            "SERIAL|CREATE TABLE a (id SERIAL PRIMARY KEY);",
            "SERIAL|CREATE TABLE a (id bigserial PRIMARY KEY);",
            "SERIAL|CREATE TABLE a (id SmallSerial);",
            "SERIAL|CREATE TABLE a (id serial8 NOT NULL);",
            "PostgreSQL 18 only function|CREATE TABLE a (id UUID PRIMARY KEY DEFAULT uuidv7());",
            "PostgreSQL 18 only function|INSERT INTO a VALUES (uuidv4 ());",
            "PostgreSQL 18 only function|SELECT casefold(name) FROM a;",
            "sequence|CREATE SEQUENCE order_no;",
            "sequence|INSERT INTO a VALUES (nextval('order_no'));",
            "identity column|CREATE TABLE a (id BIGINT GENERATED ALWAYS AS IDENTITY);",
            "LISTEN/NOTIFY|NOTIFY outbox_ready;",
            "extension|CREATE EXTENSION pgcrypto;",
            "UNLOGGED or INHERITS table|CREATE UNLOGGED TABLE a (id INT8);",
    })
    void flagsEachNonPortablePattern(String rule, String sql) {
        String script = "-- a migration\nCREATE TABLE ok (id UUID PRIMARY KEY DEFAULT gen_random_uuid());\n" + sql + "\n";
        List<MigrationLint.Finding> findings = MigrationLint.lint(SAMPLE, script);
        assertThat(findings).extracting(MigrationLint.Finding::rule).contains(rule);
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.file()).isEqualTo(SAMPLE);
            assertThat(f.toString()).startsWith("V9__sample.sql:3: ");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "CREATE TABLE processed_event (event_id UUID NOT NULL DEFAULT gen_random_uuid(), serial_no BIGINT);",
            "-- no SERIAL, no triggers, no pg_advisory_lock(), no uuidv7()\nCREATE TABLE a (id INT8 PRIMARY KEY);",
            "/* CREATE FUNCTION f() ...\n   DO $$ ... $$ */\nCREATE INDEX a_idx ON a (created_at);",
            "INSERT INTO notes (text) VALUES ('we do not use SERIAL -- or triggers');",
            "CREATE TABLE docs (id UUID PRIMARY KEY, todo TEXT, undo_log JSONB, description TEXT);",
            "ALTER TABLE a ADD COLUMN serialized_state BYTEA;",
            "CREATE TABLE t (id UUID PRIMARY KEY DEFAULT gen_random_uuid(), language TEXT NOT NULL);",
    })
    void portableSqlIsNotFlagged(String sql) {
        assertThat(MigrationLint.lint(SAMPLE, sql)).isEmpty();
    }

    @Test
    void commentsAreBlankedButLinesKept() {
        String stripped = MigrationLint.stripComments("a -- x\n/* y\n z */ b\n'--kept as data' c");
        assertThat(stripped.lines().toList()).hasSize(4);
        assertThat(stripped).doesNotContain("x", "y", "z", "kept").contains("a", "b", "c");
        assertThat(stripped.lines().toList().get(3)).matches("' +' c");
    }
}
