package com.vaticprop.core.purchase;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.net.Webhook;

import java.time.Clock;

/**
 * Verifies {@code Stripe-Signature} ({@code t=<unix>,v1=<hex HMAC-SHA256(secret, t + "." + body)>}) with stripe-java,
 * on our clock so a test can present an old timestamp. A delivery older than the tolerance is refused even when its
 * signature is right: it may be a captured request replayed.
 */
final class StripeSignature {

    private final String secret;
    private final long toleranceSeconds;
    private final Clock clock;

    StripeSignature(String secret, long toleranceSeconds, Clock clock) {
        this.secret = secret;
        this.toleranceSeconds = toleranceSeconds;
        this.clock = clock;
    }

    /** False without a webhook secret: then no payload can be verified and none is accepted. */
    boolean configured() {
        return secret != null && !secret.isBlank();
    }

    boolean verify(String payload, String header) {
        if (!configured() || header == null || header.isBlank()) {
            return false;
        }
        try {
            return Webhook.Signature.verifyHeader(payload, header, secret, toleranceSeconds, clock);
        } catch (SignatureVerificationException | RuntimeException e) {
            // stripe-java lets a malformed header through as NumberFormatException ("t=abc"): still a bad signature
            return false;
        }
    }
}
