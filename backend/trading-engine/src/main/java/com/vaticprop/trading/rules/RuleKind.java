package com.vaticprop.trading.rules;

/** What a rule's verdict does to the assessment. */
public enum RuleKind {
    /** A breach fails the phase (daily loss, max loss, duration, inactivity). */
    HARD_LIMIT,
    /** Must be MET, together with the other pass conditions, for the phase to pass; never fails anything. */
    PASS_CONDITION,
    /** Over the limit only blocks orders that add exposure; never fails the phase. */
    ORDER_LIMIT
}
