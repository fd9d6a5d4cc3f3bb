package com.vaticprop.core.identity;

import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.vaticprop.platform.boot.RetryInBackground;
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
final class AdminBootstrap extends RetryInBackground {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final String email;
    private final String password;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Transactions transactions;
    private final DatabaseMigrator migrator;
    private final Clock clock;

    AdminBootstrap(String email, String password, UserRepository users, PasswordEncoder passwords,
                   Transactions transactions, DatabaseMigrator migrator, Clock clock) {
        super("admin-bootstrap");
        this.email = email;
        this.password = password;
        this.users = users;
        this.passwords = passwords;
        this.transactions = transactions;
        this.migrator = migrator;
        this.clock = clock;
    }

    /** Refuses at once (one ERROR line, no retries) when the configured account could never be created. */
    @Override
    public void start() {
        if (!EmailAddresses.valid(email)) {
            log.error("ADMIN_EMAIL is not a valid e-mail address; no admin account created");
            return;
        }
        String problem = PasswordPolicy.Validator.problem(password, email);
        if (problem != null) {
            log.error("ADMIN_PASSWORD {}; no admin account created", problem);
            return;
        }
        super.start();
    }

    @Override
    protected boolean preconditionMet() {
        return migrator.migrated();
    }

    @Override
    protected void attempt() {
        String normalised = EmailAddresses.normalise(email);
        Instant now = clock.instant();
        User admin = new User(UUID.randomUUID(), normalised, passwords.encode(password), "Administrator",
                Role.ADMIN, "ACTIVE", now);
        boolean created = transactions.inTransaction(() -> users.insertIfEmailFree(admin, now));
        if (created) {
            log.info("admin account created id={}", admin.id());
        } else {
            log.info("admin account exists (ADMIN_EMAIL already registered); left unchanged");
        }
    }

    @Override
    protected String waitingFor() {
        return "admin account not created yet";
    }
}
