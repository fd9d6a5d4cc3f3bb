package com.vaticprop.trading.ruleset;

import java.math.BigDecimal;
import java.util.Objects;

/** Best day ≤ this share of total profit; a pass gate (it delays a pass), never a breach. */
public record ConsistencyGate(BigDecimal maxBestDayPctOfProfit) {
    public ConsistencyGate {
        Objects.requireNonNull(maxBestDayPctOfProfit, "maxBestDayPctOfProfit");
    }
}
