package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.time.Instant;

/** A prediction market's outcome: a settlement price in [0,1], or {@code voided} (unwinds at entry). */
public record MarketResolution(String instrument, BigDecimal settlementPrice, Boolean voided, Instant resolvedAt,
                               String source) implements EventData {
}
