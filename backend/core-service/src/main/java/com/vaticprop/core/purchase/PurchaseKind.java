package com.vaticprop.core.purchase;

/** What a purchase buys: a tier (a new assessment) or a reset (a fresh attempt after a FAILED assessment). */
public enum PurchaseKind {
    TIER, RESET
}
