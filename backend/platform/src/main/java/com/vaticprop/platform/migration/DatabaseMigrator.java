package com.vaticprop.platform.migration;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;

/**
 * Applies the schema migrations at start-up in the background, retrying with capped backoff while the database is
 * unreachable. The service starts regardless and stays not-ready until the schema is current, which is what lets
 * the pods of a rollout come up before the database does.
 */
public final class DatabaseMigrator implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrator.class);

    private final Flyway flyway;
    private final boolean migrate;
    private volatile boolean migrated;
    private volatile boolean running;
    private Thread worker;

    /** {@code migrate=false} only validates (a deployment that runs the migration command as a separate job). */
    public DatabaseMigrator(Flyway flyway, boolean migrate) {
        this.flyway = flyway;
        this.migrate = migrate;
    }

    public boolean migrated() {
        return migrated;
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("database-migrator").start(this::loop);
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(500);
        boolean warned = false;
        while (running && !migrated) {
            try {
                if (migrate) {
                    int applied = flyway.migrate().migrationsExecuted;
                    log.info("database schema current ({} migrations applied now)", applied);
                } else {
                    flyway.validate();
                    log.info("database schema validated");
                }
                migrated = true;
            } catch (RuntimeException e) {
                if (!warned) {
                    log.warn("database not ready for migrations, retrying with backoff: {}", rootMessage(e));
                    warned = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
                Duration doubled = backoff.multipliedBy(2);
                backoff = doubled.compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : doubled;
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 100;
    }
}
