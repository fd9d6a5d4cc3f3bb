package com.vaticprop.trading.ruleset;

/** The prior-day value a daily-loss floor hangs from (day 1 always hangs from the initial balance). */
public enum DayAnchor {
    PRIOR_DAY_BALANCE,
    PRIOR_DAY_EQUITY,
    /** The higher of both, so an open winner carried overnight raises the anchor too. */
    MAX_OF_BOTH
}
