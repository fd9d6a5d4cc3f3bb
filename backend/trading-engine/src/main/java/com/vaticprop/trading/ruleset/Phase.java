package com.vaticprop.trading.ruleset;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One step of a tier (one phase = one-step, two = two-step).
 *
 * @param maxDurationDays calendar days in the tier's zone, {@code null} = no limit
 */
public record Phase(String name, BigDecimal profitTargetPct, int minTradingDays, Integer maxDurationDays) {
    public Phase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(profitTargetPct, "profitTargetPct");
    }

    public boolean hasDurationLimit() {
        return maxDurationDays != null;
    }
}
