package com.vaticprop.core.assessment;

/** CONTRACTS.md "Assessment states". PASSED, FAILED and ABANDONED are final (only an admin reinstates a FAILED one). */
public enum AssessmentStatus {
    CREATED, ACTIVE, PAUSED, PASSED, FAILED, ABANDONED;

    public boolean isFinal() {
        return this == PASSED || this == FAILED || this == ABANDONED;
    }
}
