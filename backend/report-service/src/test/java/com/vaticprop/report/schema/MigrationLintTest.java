package com.vaticprop.report.schema;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static com.vaticprop.testkit.schema.MigrationConventions.DATABASE_IDS_AND_TIMESTAMPS;
import static com.vaticprop.testkit.schema.MigrationConventions.assertNamedAndVersionedFromOne;
import static com.vaticprop.testkit.schema.MigrationConventions.assertNoneContains;

/** The report schema's conventions (as core's and montecarlo's): Flyway names from V1; nothing CockroachDB lacks. */
class MigrationLintTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/report");

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
