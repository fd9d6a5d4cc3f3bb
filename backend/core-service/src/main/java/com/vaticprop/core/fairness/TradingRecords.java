package com.vaticprop.core.fairness;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The facts the detectors look at, loaded for one report period. */
final class TradingRecords {

    private TradingRecords() {
    }

    /** A position opened (LONG or SHORT) — the start of a round trip. */
    record OpenedPosition(UUID positionId, UUID assessmentId, UUID userId, String instrument, String side,
                          BigDecimal qty, Instant openedAt) {
    }

    /** An accepted order (not rejected). */
    record Order(UUID orderId, UUID assessmentId, UUID userId, String instrument, String side, String type,
                 BigDecimal qty, Instant createdAt) {
    }

    /** One fill. */
    record Fill(UUID tradeId, UUID assessmentId, UUID userId, String instrument, String side, BigDecimal qty,
                Instant executedAt) {
    }

    /** A period without quotes for an instrument, as core's market feed saw it. */
    record QuoteGap(String instrument, Instant start, Instant end) {
    }
}
