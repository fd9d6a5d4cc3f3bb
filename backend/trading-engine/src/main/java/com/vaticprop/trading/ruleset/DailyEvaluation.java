package com.vaticprop.trading.ruleset;

/** When the daily-loss floor is enforced. */
public enum DailyEvaluation {
    /** On every quote, fill and timer: touching the floor at any moment breaches. */
    INTRADAY,
    /** Only the day's close counts: an intraday dip that recovers before the boundary is forgiven. */
    END_OF_DAY
}
