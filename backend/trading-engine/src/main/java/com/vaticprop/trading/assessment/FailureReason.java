package com.vaticprop.trading.assessment;

import com.vaticprop.trading.rules.RuleName;

/** The {@code reason} of a failed {@code assessment.completed}. */
public enum FailureReason {
    DAILY_LOSS,
    MAX_LOSS,
    TIME_LIMIT,
    INACTIVITY,
    ADMIN;

    public static FailureReason of(RuleName rule) {
        return switch (rule) {
            case DAILY_LOSS -> DAILY_LOSS;
            case MAX_LOSS -> MAX_LOSS;
            case MAX_DURATION -> TIME_LIMIT;
            case INACTIVITY -> INACTIVITY;
            default -> throw new IllegalArgumentException(rule + " cannot fail an assessment");
        };
    }
}
