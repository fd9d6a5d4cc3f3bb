package com.vaticprop.trading.rules;

/** Every rule the engine knows; the wire name of a RuleCheck and of a failure reason. */
public enum RuleName {
    PROFIT_TARGET(RuleKind.PASS_CONDITION),
    MIN_TRADING_DAYS(RuleKind.PASS_CONDITION),
    CONSISTENCY(RuleKind.PASS_CONDITION),
    DAILY_LOSS(RuleKind.HARD_LIMIT),
    MAX_LOSS(RuleKind.HARD_LIMIT),
    MAX_DURATION(RuleKind.HARD_LIMIT),
    INACTIVITY(RuleKind.HARD_LIMIT),
    EXPOSURE(RuleKind.ORDER_LIMIT);

    private final RuleKind kind;

    RuleName(RuleKind kind) {
        this.kind = kind;
    }

    /** What this rule's verdict does to the assessment: fixed per rule, so it lives with the name. */
    public RuleKind kind() {
        return kind;
    }
}
