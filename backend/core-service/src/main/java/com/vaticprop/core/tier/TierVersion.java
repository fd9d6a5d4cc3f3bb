package com.vaticprop.core.tier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One immutable version of a tier (a row of {@code tier_versions}): what a purchase pins. The rule set is the
 * canonical JSON written by {@code RuleSetJson.write} when the version was created.
 */
public record TierVersion(UUID tierId, int version, String name, String description, BigDecimal price,
                          String currency, BigDecimal resetPrice, String ruleSetJson, Instant createdAt,
                          UUID createdBy) {
}
