package com.vaticprop.trading.ruleset;

import java.math.BigDecimal;
import java.util.Objects;

/** Prediction-market prices at which new buys are allowed; both bounds inclusive. */
public record PriceBand(BigDecimal min, BigDecimal max) {
    public PriceBand {
        Objects.requireNonNull(min, "min");
        Objects.requireNonNull(max, "max");
    }

    public boolean contains(BigDecimal price) {
        return price.compareTo(min) >= 0 && price.compareTo(max) <= 0;
    }
}
