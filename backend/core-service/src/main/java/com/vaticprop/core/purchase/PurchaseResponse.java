package com.vaticprop.core.purchase;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A purchase as its owner sees it. Amounts are decimal strings. */
@Schema(name = "Purchase")
record PurchaseResponse(UUID id, UUID tierId, int tierVersion, String amount, String currency,
                        PurchaseStatus status, PaymentMethod paymentMethod,
                        @Schema(description = "Stripe Checkout page to send the trader to while PENDING")
                        String checkoutUrl,
                        @Schema(description = "Why it failed, or the last declined attempt while PENDING")
                        String failureReason,
                        @Schema(description = "The assessment this purchase opened, once COMPLETED") UUID assessmentId,
                        Instant createdAt, Instant completedAt, Instant refundedAt,
                        @Schema(description = "TIER (a new assessment) or RESET (a fresh attempt)") PurchaseKind kind,
                        @Schema(description = "RESET: the failed assessment retaken") UUID resetOf,
                        @Schema(description = "Price before the promotion code") String listPrice,
                        @Schema(description = "Taken off by the promotion code") String discount,
                        String promoCode) {

    static PurchaseResponse of(Purchase p) {
        return new PurchaseResponse(p.id(), p.tierId(), p.tierVersion(), p.amount().toPlainString(), p.currency(),
                p.status(), p.paymentMethod(), p.status() == PurchaseStatus.PENDING ? p.checkoutUrl() : null,
                p.failureReason(), p.assessmentId(), p.createdAt(), p.completedAt(), p.refundedAt(), p.kind(),
                p.resetOf(), plain(p.listPrice() == null ? p.amount() : p.listPrice()),
                plain(p.discount()), p.promoCode());
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
