package com.vaticprop.report.metrics;

import java.math.BigDecimal;
import java.time.Instant;

/** One round trip (a closed position) with its P&L net of fees. */
public record TripResult(String instrument, Instant openedAt, Instant closedAt, BigDecimal netPnl) {
}
