package com.vaticprop.trading.assessment;

/** Who ended an assessment early. */
public enum AbandonReason {
    TRADER,
    REFUND,
    ADMIN
}
