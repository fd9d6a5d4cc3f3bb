package com.vaticprop.montecarlo.schema;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.vaticprop.testkit.schema.MigrationConventions.DATABASE_IDS_AND_TIMESTAMPS;
import static com.vaticprop.testkit.schema.MigrationConventions.assertNamedAndVersionedFromOne;
import static com.vaticprop.testkit.schema.MigrationConventions.assertNoneContains;

/**
 * The montecarlo schema's conventions (as core's): Flyway names from V1; ids and timestamps from the application;
 * nothing CockroachDB lacks (sequences, triggers, PL/pgSQL, advisory locks).
 */
class MigrationLintTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/montecarlo");

    @Test
    void migrationsAreNamedAndVersionedFromOne() {
        assertNamedAndVersionedFromOne(MIGRATIONS);
    }

    @Test
    void idsAndTimestampsComeFromTheApplicationAndNothingIsCockroachIncompatible() {
        assertNoneContains(MIGRATIONS, "ids and timestamps come from the application", DATABASE_IDS_AND_TIMESTAMPS);
        assertNoneContains(MIGRATIONS, "nothing CockroachDB lacks",
                List.of("serial", "create sequence", "create trigger", "plpgsql", "pg_advisory"));
    }
}
