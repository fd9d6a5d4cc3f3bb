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
                        Instant createdAt, Instant completedAt, Instant refundedAt) {

    static PurchaseResponse of(Purchase p) {
        return new PurchaseResponse(p.id(), p.tierId(), p.tierVersion(), p.amount().toPlainString(), p.currency(),
                p.status(), p.paymentMethod(), p.status() == PurchaseStatus.PENDING ? p.checkoutUrl() : null,
                p.failureReason(), p.assessmentId(), p.createdAt(), p.completedAt(), p.refundedAt());
    }
}
