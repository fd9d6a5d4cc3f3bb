package com.vaticprop.core.tier;

import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.trading.ruleset.RuleSetDocument;
import com.vaticprop.trading.ruleset.RuleSetValidation;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

/** A tier as the API shows it: its current version's fields, prices as decimal strings with two decimals. */
@Schema(name = "Tier")
record TierResponse(UUID id, String slug, String name, String description,
                    @Schema(example = "549.00") String price, @Schema(example = "USD") String currency,
                    @Schema(example = "99.00") String resetPrice, boolean active,
                    @Schema(description = "the current version") int version,
                    @Schema(implementation = RuleSetDocument.class) JsonNode ruleSet, Instant createdAt,
                    Instant updatedAt) {

    static TierResponse of(Tier tier) {
        TierVersion v = tier.current();
        return new TierResponse(tier.id(), tier.slug(), v.name(), v.description(), money(v.price()), v.currency(),
                money(v.resetPrice()), tier.active(), v.version(), canonicalRuleSet(v.ruleSetJson()), tier.createdAt(),
                tier.updatedAt());
    }

    /** One version (a purchase's pinned terms); {@code createdBy} only for admins. */
    @Schema(name = "TierVersion")
    record Version(UUID tierId, int version, String name, String description, String price, String currency,
                   String resetPrice, @Schema(implementation = RuleSetDocument.class) JsonNode ruleSet,
                   Instant createdAt, @Schema(description = "ADMIN listing only") UUID createdBy) {

        static Version of(TierVersion v, boolean withAuthor) {
            return new Version(v.tierId(), v.version(), v.name(), v.description(), money(v.price()), v.currency(),
                    money(v.resetPrice()), canonicalRuleSet(v.ruleSetJson()), v.createdAt(),
                    withAuthor ? v.createdBy() : null);
        }
    }

    static String money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /**
     * The stored rule set in its canonical field order (the database keeps JSON objects in an order of its own); a
     * stored rule set that a later engine no longer accepts is shown as stored.
     */
    static JsonNode canonicalRuleSet(String json) {
        JsonNode stored = VaticJson.mapper().readTree(json);
        return RuleSetJson.read(stored) instanceof RuleSetValidation.Valid valid
                ? RuleSetJson.write(valid.ruleSet()) : stored;
    }
}
