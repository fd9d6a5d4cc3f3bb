package com.vaticprop.trading.order;

import java.math.BigDecimal;

/** One priced quantity the market would give an order (before fees and bookkeeping). */
public record Execution(BigDecimal qty, BigDecimal price) {
}
