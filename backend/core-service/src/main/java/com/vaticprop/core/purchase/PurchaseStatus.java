package com.vaticprop.core.purchase;

/**
 * PENDING until the payment provider settles it; COMPLETED opened an assessment; FAILED and EXPIRED never will;
 * REFUNDED was paid back (its assessment, unless it had already ended, is ABANDONED).
 */
public enum PurchaseStatus {
    PENDING, COMPLETED, FAILED, EXPIRED, REFUNDED
}
