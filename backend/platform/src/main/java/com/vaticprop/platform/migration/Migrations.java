package com.vaticprop.platform.migration;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import javax.sql.DataSource;

/**
 * The Flyway set-up of a schema-owning service: the platform's own tables (event dedupe, seq cursors) from
 * {@code db/platform}, then the service's from {@code db/<schema>}, all inside the service's schema. Used by the
 * start-up migrator and by the migration command alike, so both apply exactly the same thing.
 */
public final class Migrations {

    private Migrations() {
    }

    public static Flyway flyway(DataSource dataSource, String schema) {
        return configure(schema).dataSource(dataSource).load();
    }

    public static Flyway flyway(String jdbcUrl, String user, String password, String schema) {
        return configure(schema).dataSource(jdbcUrl, user, password).load();
    }

    private static FluentConfiguration configure(String schema) {
        return Flyway.configure()
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:db/platform", "classpath:db/" + schema)
                .table("flyway_schema_history")
                .validateMigrationNaming(true)
                .cleanDisabled(true);
    }
}
