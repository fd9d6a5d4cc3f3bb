package com.vaticprop.core.purchase;

import java.time.Duration;
import java.util.UUID;

/**
 * Payment configuration. The secrets are kept out of {@link #toString()} so the settings can be logged.
 *
 * @param webhookTolerance how old a {@code Stripe-Signature} timestamp may be (Stripe's default: 5 minutes); older
 *                         deliveries are refused as possible replays
 */
record PaymentSettings(PaymentMode mode, String secretKey, String webhookSecret, String apiBase,
                       String successUrlTemplate, String cancelUrlTemplate, Duration webhookTolerance) {

    static final String PURCHASE_ID_PLACEHOLDER = "{PURCHASE_ID}";

    String successUrl(UUID purchaseId) {
        return successUrlTemplate.replace(PURCHASE_ID_PLACEHOLDER, purchaseId.toString());
    }

    String cancelUrl(UUID purchaseId) {
        return cancelUrlTemplate.replace(PURCHASE_ID_PLACEHOLDER, purchaseId.toString());
    }

    boolean webhookConfigured() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }

    @Override
    public String toString() {
        return "PaymentSettings[mode=" + mode + ", apiBase=" + apiBase + ", webhookSecret="
                + (webhookConfigured() ? "set" : "unset") + ", successUrl=" + successUrlTemplate + "]";
    }
}
