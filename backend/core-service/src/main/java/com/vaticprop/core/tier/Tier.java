package com.vaticprop.core.tier;

import java.time.Instant;
import java.util.UUID;

/** A tier (a row of {@code tiers}) with its current version. */
public record Tier(UUID id, String slug, boolean active, Instant createdAt, Instant updatedAt, TierVersion current) {

    public int version() {
        return current.version();
    }
}
