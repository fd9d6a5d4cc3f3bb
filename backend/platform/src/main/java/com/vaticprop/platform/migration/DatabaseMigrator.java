package com.vaticprop.platform.migration;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.vaticprop.platform.boot.RetryInBackground;


/**
 * Applies the schema migrations at start-up in the background, retrying with capped backoff while the database is
 * unreachable. The service starts regardless and stays not-ready until the schema is current, which is what lets
 * the pods of a rollout come up before the database does.
 */
public final class DatabaseMigrator extends RetryInBackground {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrator.class);

    private final Flyway flyway;
    private final boolean migrate;

    /** {@code migrate=false} only validates (a deployment that runs the migration command as a separate job). */
    public DatabaseMigrator(Flyway flyway, boolean migrate) {
        super("database-migrator");
        this.flyway = flyway;
        this.migrate = migrate;
    }

    public boolean migrated() {
        return done();
    }

    @Override
    protected void attempt() {
        if (migrate) {
            int applied = flyway.migrate().migrationsExecuted;
            log.info("database schema current ({} migrations applied now)", applied);
        } else {
            flyway.validate();
            log.info("database schema validated");
        }
    }

    @Override
    protected String waitingFor() {
        return "database not ready for migrations";
    }

    /** Migrations run before anything else that may touch the schema starts. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
