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
}
