package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.time.Instant;

/** The quote a fill or a breach used: kept with it as dispute evidence. */
public record QuoteEvidence(String venue, Long venueSeq, BigDecimal bid, BigDecimal ask, Instant venueTs,
                            Instant receivedTs) {
}
