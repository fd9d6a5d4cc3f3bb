package com.vaticprop.core.purchase;

import java.util.UUID;

/**
 * Opens a hosted checkout for a purchase. The purchase id travels to the provider (metadata of the session and of the
 * payment) so every later webhook maps back to its purchase.
 */
public interface CheckoutGateway {

    /**
     * @param purchaseId   our purchase
     * @param customerEmail pre-filled on the checkout page
     * @param productName  what the trader sees they are paying for
     * @param amountMinor  the list price in minor units of {@code currency} (before any promotion code)
     * @param currency     ISO 4217 code
     * @param promotionCodeId the provider's promotion code to apply (the provider then charges the discounted
     *                        total), or null
     */
    record CheckoutRequest(UUID purchaseId, String customerEmail, String productName, long amountMinor,
                           String currency, String promotionCodeId) {
    }

    record CheckoutSession(String id, String url, String paymentIntentId) {
    }

    /** Thrown when the provider cannot be reached or refuses; nothing was charged. */
    final class CheckoutUnavailableException extends RuntimeException {
        public CheckoutUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    CheckoutSession open(CheckoutRequest request);
}
