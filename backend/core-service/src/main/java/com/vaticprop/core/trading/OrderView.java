package com.vaticprop.core.trading;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An order with its outcome: OPEN / PARTIALLY_FILLED / FILLED / CANCELLED / REJECTED (with the check and why). */
@Schema(name = "Order")
record OrderView(UUID id, UUID assessmentId, String instrument, String side, String type, String qty,
                 String limitPrice, String stopPrice, String tif, boolean reduceOnly, String status, String filledQty,
                 String avgFillPrice, @Schema(description = "REJECTED: the pre-trade check that refused it")
                 String rejectCheck, String rejectReason, String idempotencyKey, Instant createdAt,
                 Instant updatedAt) {
}
