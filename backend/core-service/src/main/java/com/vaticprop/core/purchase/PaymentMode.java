package com.vaticprop.core.purchase;

/**
 * STRIPE when STRIPE_SECRET_KEY is set; DEVELOPMENT when it is not and APP_ENV is development (purchases complete
 * at once, without a provider); DISABLED otherwise — a staging or test deployment without Stripe sells nothing rather
 * than giving tiers away. Production refuses to start without the key (the platform's required variables).
 */
public enum PaymentMode {
    STRIPE, DEVELOPMENT, DISABLED
}
