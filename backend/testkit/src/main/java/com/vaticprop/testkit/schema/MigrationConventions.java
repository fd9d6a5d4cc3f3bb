package com.vaticprop.testkit.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's own conventions for the Flyway migrations of its schema, asserted over a migrations folder (CockroachDB
 * portability of every module's migrations is the platform's MigrationLintTest).
 */
public final class MigrationConventions {

    /** What would let the database, not the application, make ids and timestamps (one clock, testable). */
    public static final List<String> DATABASE_IDS_AND_TIMESTAMPS =
            List.of("default now()", "default current_timestamp", "gen_random_uuid(");

    private MigrationConventions() {
    }

    /** Every file is a Flyway migration named {@code V<n>__<snake_case>.sql}, versions from 1. */
    public static void assertNamedAndVersionedFromOne(Path migrations) {
        try (Stream<Path> files = Files.list(migrations)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).isNotEmpty().allMatch(n -> n.matches("V[1-9][0-9_]*__[a-z0-9_]+\\.sql"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** No file's SQL, comments ignored and case folded, contains any of {@code forbidden} (lower case). */
    public static void assertNoneContains(Path migrations, String rule, List<String> forbidden) {
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path file : files.toList()) {
                String sql = stripComments(Files.readString(file)).toLowerCase(Locale.ROOT);
                for (String f : forbidden) {
                    assertThat(sql).as("%s: %s", file.getFileName(), rule).doesNotContain(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String stripComments(String sql) {
        return sql.replaceAll("--[^\\n]*", "");
    }
}
