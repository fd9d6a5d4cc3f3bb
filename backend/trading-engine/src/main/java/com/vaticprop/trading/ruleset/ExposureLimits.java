package com.vaticprop.trading.ruleset;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Limits checked before an order is accepted.
 *
 * @param maxLeverage               crypto gross notional ≤ equity × this
 * @param maxPositionNotionalPct    per-instrument position notional ≤ this % of the initial balance; {@code null} = none
 * @param maxMarketCostPctOfInitial prediction markets: cost in one market ≤ this % of initial; {@code null} = none
 * @param priceBand                 prediction markets: no new buys outside; {@code null} = none
 * @param fillDelayMs               a market order fills at the first quote received this long after placement
 */
public record ExposureLimits(BigDecimal maxLeverage, BigDecimal maxPositionNotionalPct,
                             BigDecimal maxMarketCostPctOfInitial, PriceBand priceBand, long fillDelayMs) {
    public ExposureLimits {
        Objects.requireNonNull(maxLeverage, "maxLeverage");
    }

    public Optional<BigDecimal> positionNotionalPct() {
        return Optional.ofNullable(maxPositionNotionalPct);
    }

    public Optional<BigDecimal> marketCostPct() {
        return Optional.ofNullable(maxMarketCostPctOfInitial);
    }

    public Optional<PriceBand> band() {
        return Optional.ofNullable(priceBand);
    }
}
