package com.vaticprop.trading.market;

import java.math.BigDecimal;
import java.util.Objects;

/** One price level of a book. */
public record Level(BigDecimal price, BigDecimal size) {
    public Level {
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(size, "size");
    }
}
