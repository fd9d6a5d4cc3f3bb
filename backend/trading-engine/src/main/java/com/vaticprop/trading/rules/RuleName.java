package com.vaticprop.trading.rules;

/** Every rule the engine knows; the wire name of a RuleCheck and of a failure reason. */
public enum RuleName {
    PROFIT_TARGET,
    MIN_TRADING_DAYS,
    CONSISTENCY,
    DAILY_LOSS,
    MAX_LOSS,
    MAX_DURATION,
    INACTIVITY,
    EXPOSURE
}
