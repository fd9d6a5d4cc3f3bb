package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.time.Instant;

/** A normalized top-of-book quote; {@code receivedTs} is what consumers judge staleness by. */
public record MarketTick(String instrument, String venue, BigDecimal bid, BigDecimal ask, BigDecimal bidSize,
                         BigDecimal askSize, BigDecimal last, BigDecimal lastSize, Instant venueTs, Instant receivedTs,
                         Long venueSeq) implements EventData {
}
