package com.vaticprop.core.seed;

import com.vaticprop.core.identity.IdentityService;
import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.core.tier.TierRequest;
import com.vaticprop.core.tier.TierService;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.platform.security.Role;
import com.vaticprop.platform.web.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.vaticprop.platform.boot.RetryInBackground;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Development seed data for the devstack: an admin, two traders and the three tiers of {@code seed/tiers.json} (a copy
 * of the shared fixture). Runs in the background once the schema is migrated, retrying while the database is away.
 * Idempotent: accounts are created only if their e-mail is free (existing ones keep their password and role); tiers
 * have stable ids derived from their names and are created only if that id is free (an admin's later edits stay).
 * The passwords are public development passwords (README) and are never logged.
 */
public final class DevelopmentSeed extends RetryInBackground {

    private static final Logger log = LoggerFactory.getLogger(DevelopmentSeed.class);

    /** A seeded account: the development password is documented in the core-service README. */
    public record Account(String email, String password, Role role, String displayName) {
        @Override
        public String toString() {
            return email + " (" + role + ")";
        }
    }

    public static final List<Account> ACCOUNTS = List.of(
            new Account("admin@vaticprop.dev", "VaticDev-root-2026", Role.ADMIN, "Dev Admin"),
            new Account("trader1@vaticprop.dev", "VaticDev-trade-2026", Role.TRADER, "Trader One"),
            new Account("trader2@vaticprop.dev", "VaticDev-trade-2026", Role.TRADER, "Trader Two"));

    /**
     * The seeded admin's TOTP secret (base32; public, like the development passwords): add it to an authenticator
     * app, or compute codes with {@code Totp.code(ADMIN_TOTP_SECRET, Instant.now())}.
     */
    public static final String ADMIN_TOTP_SECRET = "VATICPROPDEVADMINTOTPSEEDSECRETA";

    public static final String TIERS_RESOURCE = "/seed/tiers.json";

    /** What one run did. */
    public record Result(int accountsCreated, int tiersCreated, int tiersSeeded) {
    }

    private final IdentityService identity;
    private final TierService tiers;
    private final DatabaseMigrator migrator;

    public DevelopmentSeed(IdentityService identity, TierService tiers, DatabaseMigrator migrator) {
        super("development-seed");
        this.identity = identity;
        this.tiers = tiers;
        this.migrator = migrator;
    }

    /** The stable id of a seed tier: a name-based UUID, so every run and every replica means the same tier. */
    public static UUID tierId(String name) {
        return UUID.nameUUIDFromBytes(("vatic-prop seed tier: " + name).getBytes(StandardCharsets.UTF_8));
    }

    /** The seed tiers as they are in the resource ({@code name, price, currency, resetPrice?, ruleSet}). */
    public static List<JsonNode> seedTiers() {
        try (InputStream in = DevelopmentSeed.class.getResourceAsStream(TIERS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(TIERS_RESOURCE + " is missing from the classpath");
            }
            List<JsonNode> list = new ArrayList<>();
            VaticJson.mapper().readTree(in).forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One seeding run (safe to repeat); needs the migrated schema. */
    public Result seed() {
        int accountsCreated = 0;
        for (Account account : ACCOUNTS) {
            if (identity.createAccountIfAbsent(account.email(), account.password(), account.role(),
                    account.displayName())) {
                accountsCreated++;
            }
        }
        identity.enrolTotpIfAbsent(ACCOUNTS.get(0).email(), ADMIN_TOTP_SECRET);
        UUID admin = identity.accountId(ACCOUNTS.get(0).email()).orElse(null);
        int created = 0;
        int seeded = 0;
        for (JsonNode tier : seedTiers()) {
            String name = text(tier, "name");
            TierRequest request = new TierRequest(name, text(tier, "description"), text(tier, "price"),
                    text(tier, "currency"), text(tier, "resetPrice"), tier.get("ruleSet"), null);
            try {
                if (tiers.createIfAbsent(tierId(name), request, admin).isPresent()) {
                    created++;
                }
                seeded++;
            } catch (FieldErrorsException e) {
                log.error("seed tier '{}' is invalid, skipped: {}", name, e.errors());
            } catch (ApiProblemException e) {
                log.warn("seed tier '{}' skipped: {}", name, e.getMessage());
            }
        }
        log.info("development seed: accounts {} ({} new; development passwords in backend/core-service/README.md), "
                + "tiers {} of {} in place ({} new)", ACCOUNTS, accountsCreated, seeded, seedTiers().size(), created);
        return new Result(accountsCreated, created, seeded);
    }

    @Override
    protected boolean preconditionMet() {
        return migrator.migrated();
    }

    @Override
    protected void attempt() {
        seed();
    }

    @Override
    protected String waitingFor() {
        return "development seed failed";
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
