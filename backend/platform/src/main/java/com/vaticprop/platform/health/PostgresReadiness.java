package com.vaticprop.platform.health;

import com.vaticprop.platform.migration.DatabaseMigrator;

import javax.sql.DataSource;
import java.sql.Connection;

/** PostgreSQL/CockroachDB answers and the service's schema migrations have been applied. */
public final class PostgresReadiness implements ReadinessCheck {

    private final DataSource dataSource;
    private final DatabaseMigrator migrator;

    public PostgresReadiness(DataSource dataSource, DatabaseMigrator migrator) {
        this.dataSource = dataSource;
        this.migrator = migrator;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public void check() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(1)) {
                throw new IllegalStateException("connection is not valid");
            }
        }
        if (migrator != null && !migrator.migrated()) {
            throw new IllegalStateException("schema migrations not applied yet");
        }
    }
}
