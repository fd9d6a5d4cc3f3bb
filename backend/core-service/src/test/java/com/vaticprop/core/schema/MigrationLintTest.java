package com.vaticprop.core.schema;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps core-service's migrations portable to CockroachDB: no SERIAL or sequences, no triggers, functions or
 * procedures (PL/pgSQL), no advisory locks, no DO blocks, no PostgreSQL-18-only functions, no server-generated ids.
 */
class MigrationLintTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/core");

    private static final List<Pattern> FORBIDDEN = Stream.of(
                    "\\b(small|big)?serial\\b", "\\bcreate\\s+(or\\s+replace\\s+)?(trigger|function|procedure)\\b",
                    "\\bcreate\\s+sequence\\b", "\\bplpgsql\\b", "\\bpg_(try_)?advisory", "\\bdo\\s+\\$",
                    "\\bgenerated\\s+(always|by\\s+default)\\s+as\\s+identity\\b", "\\buuidv[47]\\s*\\(",
                    "\\bgen_random_uuid\\s*\\(", "\\bnextval\\s*\\(", "\\blisten\\b", "\\bnotify\\b",
                    "\\bcreate\\s+extension\\b", "\\bunlogged\\b", "\\binherits\\b")
            .map(p -> Pattern.compile(p, Pattern.CASE_INSENSITIVE)).toList();

    @Test
    void migrationsAreNamedAndVersionedFromOne() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).isNotEmpty().allMatch(n -> n.matches("V[1-9][0-9_]*__[a-z0-9_]+\\.sql"));
        }
    }

    @Test
    void migrationsUseOnlyCockroachPortableSql() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.toList()) {
                String sql = stripComments(Files.readString(file));
                for (Pattern forbidden : FORBIDDEN) {
                    assertThat(forbidden.matcher(sql).find()).as("%s uses %s", file.getFileName(), forbidden)
                            .isFalse();
                }
                assertThat(sql.toLowerCase(Locale.ROOT)).as("%s: ids and timestamps come from the application",
                        file.getFileName()).doesNotContain("default now()").doesNotContain("default current_timestamp");
            }
        }
    }

    static String stripComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }
}
