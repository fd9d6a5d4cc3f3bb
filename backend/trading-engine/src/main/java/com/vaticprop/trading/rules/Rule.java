package com.vaticprop.trading.rules;

/**
 * One rule with one job. Rules are pure functions of a {@link RuleContext}; all of them are listed in {@link Rules}.
 */
public sealed interface Rule permits ProfitTargetRule, MinTradingDaysRule, ConsistencyRule, DailyLossRule,
        MaxLossRule, MaxDurationRule, InactivityRule, ExposureRule {
    RuleName name();

    default RuleKind kind() {
        return name().kind();
    }

    RuleCheck evaluate(RuleContext ctx);

    /**
     * Whether this rule, as a hard limit, is breached in this context: exactly {@code evaluate(ctx)}'s verdict for
     * hard limits, false for the others. The money and time limits answer it without building the explanation, so
     * the engine can judge a quote — the hottest path of the platform — without allocating a {@link RuleCheck} per
     * rule when nothing is breached.
     */
    default boolean breached(RuleContext ctx) {
        return kind() == RuleKind.HARD_LIMIT && evaluate(ctx).breached();
    }
}
