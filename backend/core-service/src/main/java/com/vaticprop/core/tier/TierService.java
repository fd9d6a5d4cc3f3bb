package com.vaticprop.core.tier;

import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.web.ApiProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Tiers and their immutable versions. Creating a tier writes version 1; every edit writes version n+1 and moves the
 * tier's current version, so whatever pinned an older version (a purchase, an assessment) still reads it unchanged.
 * Names are unique among active tiers, enforced by {@code tiers.active_name_key} (UNIQUE, null while inactive).
 */
@Service
public class TierService {

    private static final Logger log = LoggerFactory.getLogger(TierService.class);

    private final TierRepository tiers;
    private final Transactions transactions;
    private final Clock clock;
    private final com.vaticprop.core.admin.AdminAuditLog audit;

    TierService(TierRepository tiers, Transactions transactions, Clock clock,
                com.vaticprop.core.admin.AdminAuditLog audit) {
        this.audit = audit;
        this.tiers = tiers;
        this.transactions = transactions;
        this.clock = clock;
    }

    public List<Tier> list(boolean includeInactive) {
        return tiers.list(!includeInactive);
    }

    public Optional<Tier> find(UUID id) {
        return tiers.find(id);
    }

    /** The tier if it exists and is active — what a purchase may buy (pinning {@link Tier#current()}). */
    public Optional<Tier> findActive(UUID id) {
        return tiers.find(id).filter(Tier::active);
    }

    public Optional<TierVersion> version(UUID tierId, int version) {
        return tiers.version(tierId, version);
    }

    public List<TierVersion> versions(UUID tierId) {
        List<TierVersion> versions = tiers.versions(tierId);
        if (versions.isEmpty()) {
            throw notFound();
        }
        return versions;
    }

    /** An admin's new tier (audited as {@code tier.create}). */
    public Tier create(TierRequest request, UUID actor) {
        return createWithId(UUID.randomUUID(), request, actor, true).orElseThrow();
    }

    /**
     * Creates the tier with this id unless a tier with this id exists (then nothing changes, empty): for seed data
     * with stable ids, so running the seed again adds nothing.
     */
    public Optional<Tier> createIfAbsent(UUID id, TierRequest request, UUID actor) {
        return createWithId(id, request, actor, false);
    }

    private Optional<Tier> createWithId(UUID id, TierRequest request, UUID actor, boolean audited) {
        TierValidation.ValidTier valid = TierValidation.validate(request);
        Optional<Tier> created = uniqueName(() -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (tiers.find(id).isPresent()) {
                return Optional.<Tier>empty();
            }
            requireNameFree(valid.nameKey(), id);
            if (!tiers.insertTier(id, slug(valid.name(), id), true, valid.nameKey(), now)) {
                return Optional.<Tier>empty();
            }
            tiers.insertVersion(version(id, 1, valid, now, actor));
            Optional<Tier> tier = tiers.find(id);
            if (audited) {
                audit.record(actor, "tier.create", id.toString(), null, auditView(tier.orElseThrow()), null);
            }
            return tier;
        }));
        created.ifPresent(t -> log.info("tier created id={} version=1 by={}", t.id(), actor));
        return created;
    }

    public Tier update(UUID id, TierRequest request, UUID actor) {
        TierValidation.ValidTier valid = TierValidation.validate(request);
        Tier updated = uniqueName(() -> transactions.inTransaction(() -> {
            Instant now = clock.instant();
            Tier tier = tiers.findForUpdate(id).orElseThrow(TierService::notFound);
            if (request.expectedVersion() != null && request.expectedVersion() != tier.version()) {
                throw new ApiProblemException(HttpStatus.CONFLICT, "tier-version-conflict",
                        "The tier is at version " + tier.version() + ", not " + request.expectedVersion()
                                + "; reload it and edit again.");
            }
            if (tier.active()) {
                requireNameFree(valid.nameKey(), id);
            }
            int next = tier.version() + 1;
            tiers.insertVersion(version(id, next, valid, now, actor));
            tiers.updateCurrent(id, next, tier.active() ? valid.nameKey() : null, now);
            Tier after = tiers.find(id).orElseThrow();
            audit.record(actor, "tier.update", id.toString(), auditView(tier), auditView(after), null);
            return after;
        }));
        log.info("tier edited id={} version={} by={}", id, updated.version(), actor);
        return updated;
    }

    public Tier setActive(UUID id, boolean active, UUID actor) {
        Tier result = uniqueName(() -> transactions.inTransaction(() -> {
            Tier tier = tiers.findForUpdate(id).orElseThrow(TierService::notFound);
            if (tier.active() == active) {
                return tier;
            }
            String nameKey = active ? TierValidation.nameKey(tier.current().name()) : null;
            if (active) {
                requireNameFree(nameKey, id);
            }
            tiers.updateActive(id, active, nameKey, clock.instant());
            audit.record(actor, active ? "tier.activate" : "tier.deactivate", id.toString(),
                    java.util.Map.of("active", tier.active()), java.util.Map.of("active", active), null);
            return tiers.find(id).orElseThrow();
        }));
        log.info("tier {} id={} by={}", active ? "activated" : "deactivated", id, actor);
        return result;
    }

    /** What the audit trail keeps of a tier version: the terms, not the whole rule set text twice. */
    private static java.util.Map<String, Object> auditView(Tier t) {
        java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
        v.put("version", t.version());
        v.put("name", t.current().name());
        v.put("price", t.current().price().toPlainString());
        v.put("resetPrice", t.current().resetPrice() == null ? null : t.current().resetPrice().toPlainString());
        v.put("currency", t.current().currency());
        v.put("active", t.active());
        return v;
    }

    private void requireNameFree(String nameKey, UUID self) {
        if (tiers.activeTierWithName(nameKey, self).isPresent()) {
            throw nameTaken();
        }
    }

    /** The UNIQUE constraint is the last word when two admins race for one name. */
    private static <T> T uniqueName(java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException e) {
            throw nameTaken();
        }
    }

    private static TierVersion version(UUID id, int version, TierValidation.ValidTier valid, Instant now, UUID actor) {
        return new TierVersion(id, version, valid.name(), valid.description(), valid.price(), valid.currency(),
                valid.resetPrice(), valid.ruleSetJson(), now, actor);
    }

    /** A readable, unique slug: the name in lower-case ASCII words plus the start of the id. */
    static String slug(String name, UUID id) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        if (ascii.length() > 50) {
            ascii = ascii.substring(0, 50).replaceAll("-+$", "");
        }
        String suffix = id.toString().substring(0, 8);
        return ascii.isEmpty() ? "tier-" + suffix : ascii + "-" + suffix;
    }

    static ApiProblemException notFound() {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such tier.");
    }

    private static ApiProblemException nameTaken() {
        return new ApiProblemException(HttpStatus.CONFLICT, "tier-name-taken",
                "An active tier already has this name.");
    }
}
