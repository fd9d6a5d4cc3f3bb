package com.vaticprop.core.tier;

import com.vaticprop.trading.ruleset.RuleSetDocument;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /tiers} and {@code PUT /tiers/{id}}: the whole tier, every edit creates a new version.
 * Checked by {@link TierValidation} (every problem at once, by field), not by bean validation.
 */
public record TierRequest(
        @Schema(description = "1–100 characters, unique among active tiers (case-insensitive)",
                example = "Crypto Two-Step 100K") String name,
        @Schema(description = "optional, at most 2000 characters") String description,
        @Schema(description = "decimal string, > 0, ≤ 100000, at most 2 decimals", example = "549.00") String price,
        @Schema(description = "ISO 4217, equal to the rule set's currency", example = "USD") String currency,
        @Schema(description = "optional price of a paid retake; same rules as price", example = "99.00")
        String resetPrice,
        @Schema(description = "the rule set (CONTRACTS.md \"Rule set JSON\"), validated by the trading engine",
                implementation = RuleSetDocument.class) JsonNode ruleSet,
        @Schema(description = "PUT only, optional: the version being edited; 409 if the tier has moved on")
        Integer expectedVersion) {
}
