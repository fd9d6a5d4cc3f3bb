package com.vaticprop.montecarlo.schema;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The montecarlo schema's conventions (as core's): Flyway names from V1; ids and timestamps from the application;
 * nothing CockroachDB lacks (sequences, triggers, PL/pgSQL, advisory locks).
 */
class MigrationLintTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/montecarlo");

    @Test
    void migrationsAreNamedAndVersionedFromOne() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).isNotEmpty().allMatch(n -> n.matches("V[1-9][0-9_]*__[a-z0-9_]+\\.sql"));
        }
    }

    @Test
    void idsAndTimestampsComeFromTheApplicationAndNothingIsCockroachIncompatible() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                String sql = Files.readString(file).replaceAll("--[^\\n]*", "").toLowerCase(Locale.ROOT);
                assertThat(sql).as(file.getFileName().toString())
                        .doesNotContain("default now()").doesNotContain("default current_timestamp")
                        .doesNotContain("gen_random_uuid(").doesNotContain("serial")
                        .doesNotContain("create sequence").doesNotContain("create trigger")
                        .doesNotContain("plpgsql").doesNotContain("pg_advisory");
            }
        }
    }
}
