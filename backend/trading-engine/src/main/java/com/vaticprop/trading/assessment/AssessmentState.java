package com.vaticprop.trading.assessment;

/** CONTRACTS.md "Assessment states": CREATED → ACTIVE ↔ PAUSED → PASSED | FAILED; ABANDONED from the live states. */
public enum AssessmentState {
    CREATED,
    ACTIVE,
    PAUSED,
    PASSED,
    FAILED,
    ABANDONED;

    /** No further trading or evaluation; only FAILED can leave (by an admin reinstatement). */
    public boolean terminal() {
        return this == PASSED || this == FAILED || this == ABANDONED;
    }
}
