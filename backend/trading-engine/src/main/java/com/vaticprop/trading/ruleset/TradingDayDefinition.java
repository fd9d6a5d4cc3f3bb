package com.vaticprop.trading.ruleset;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What makes a day count towards the minimum trading days: at least one fill whose notional is at least this share of
 * the initial balance, so that a one-lot "touch" trade cannot farm days when the tier forbids it.
 */
public record TradingDayDefinition(BigDecimal minTradeNotionalPctOfInitial) {
    public TradingDayDefinition {
        Objects.requireNonNull(minTradeNotionalPctOfInitial, "minTradeNotionalPctOfInitial");
    }
}
