package com.vaticprop.core.identity;

import com.vaticprop.core.support.Transactions;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * The first administrator: with {@code ADMIN_EMAIL} and {@code ADMIN_PASSWORD} set, the service makes sure an ADMIN
 * account with that e-mail exists once the schema is migrated (idempotent: an existing account is left as it is, its
 * password and role untouched). The password must pass the registration policy. Typical use: set both for the first
 * start of an environment (or as a one-off job with the same image), then remove ADMIN_PASSWORD from the environment.
 */
final class AdminBootstrap implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final String email;
    private final String password;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Transactions transactions;
    private final DatabaseMigrator migrator;
    private final Clock clock;
    private volatile boolean running;
    private Thread worker;

    AdminBootstrap(String email, String password, UserRepository users, PasswordEncoder passwords,
                   Transactions transactions, DatabaseMigrator migrator, Clock clock) {
        this.email = email;
        this.password = password;
        this.users = users;
        this.passwords = passwords;
        this.transactions = transactions;
        this.migrator = migrator;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        if (!EmailAddresses.valid(email)) {
            log.error("ADMIN_EMAIL is not a valid e-mail address; no admin account created");
            return;
        }
        String problem = PasswordPolicy.Validator.problem(password, email);
        if (problem != null) {
            log.error("ADMIN_PASSWORD {}; no admin account created", problem);
            return;
        }
        worker = Thread.ofVirtual().name("admin-bootstrap").start(this::ensureAdmin);
    }

    private void ensureAdmin() {
        String normalised = EmailAddresses.normalise(email);
        while (running) {
            try {
                if (migrator.migrated()) {
                    Instant now = clock.instant();
                    User admin = new User(UUID.randomUUID(), normalised, passwords.encode(password), "Administrator",
                            Role.ADMIN, "ACTIVE", now);
                    boolean created = transactions.inTransaction(() -> users.insertIfEmailFree(admin, now));
                    if (created) {
                        log.info("admin account created id={}", admin.id());
                    } else {
                        log.info("admin account exists (ADMIN_EMAIL already registered); left unchanged");
                    }
                    return;
                }
            } catch (DataAccessException e) {
                // the database went away between migration and insert: try again
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
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
}
