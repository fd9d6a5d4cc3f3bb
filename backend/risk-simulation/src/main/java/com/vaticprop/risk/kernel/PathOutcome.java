package com.vaticprop.risk.kernel;

import com.vaticprop.trading.assessment.FailureReason;

/** How one simulated path ended; the kernel reports it as the ordinal. */
public enum PathOutcome {
    PASSED,
    DAILY_LOSS,
    MAX_LOSS,
    TIME_LIMIT,
    INACTIVITY,
    /** Still ACTIVE at the end of the horizon: neither passed nor failed. */
    NO_VERDICT;

    private static final PathOutcome[] VALUES = values();

    public static PathOutcome of(int code) {
        return VALUES[code];
    }

    /** The engine's failure reason, or {@code null} for PASSED / NO_VERDICT. */
    public FailureReason failureReason() {
        return switch (this) {
            case DAILY_LOSS -> FailureReason.DAILY_LOSS;
            case MAX_LOSS -> FailureReason.MAX_LOSS;
            case TIME_LIMIT -> FailureReason.TIME_LIMIT;
            case INACTIVITY -> FailureReason.INACTIVITY;
            case PASSED, NO_VERDICT -> null;
        };
    }
}
