package com.vaticprop.core.purchase;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of {@code purchases}, plus the assessment it opened (null until completed). {@code amount} and
 * {@code currency} are what the purchase expects to be paid — the pinned tier version's price — and the only amount a
 * payment may fulfil it with.
 */
public record Purchase(UUID id, UUID userId, UUID tierId, int tierVersion, BigDecimal amount, String currency,
                       PurchaseStatus status, PaymentMethod paymentMethod, String checkoutSessionId,
                       String paymentIntentId, String checkoutUrl, String failureReason, Instant createdAt,
                       Instant updatedAt, Instant completedAt, Instant refundedAt, UUID assessmentId,
                       PurchaseKind kind, UUID resetOf, BigDecimal listPrice, BigDecimal discount, UUID promoCodeId,
                       String promoCode) {
}
