package com.vaticprop.trading.ruleset;

/** What a percentage daily-loss allowance is a percentage of. */
public enum LimitBasis {
    /** The assessment's initial balance: the allowance is the same every day. */
    INITIAL_BALANCE,
    /** The day's anchor: the allowance shrinks after losing days and grows after winning ones. */
    DAY_ANCHOR
}
