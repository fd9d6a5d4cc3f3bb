package com.vaticprop.core.purchase;

/** How a purchase is paid: Stripe Checkout, or the development path that completes without a provider. */
public enum PaymentMethod {
    STRIPE, DEVELOPMENT
}
