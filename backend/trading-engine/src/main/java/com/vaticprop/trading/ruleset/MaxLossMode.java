package com.vaticprop.trading.ruleset;

/** How the overall loss floor moves. */
public enum MaxLossMode {
    /** {@code initial − L}, never moves. */
    STATIC,
    /** {@code max(initial, highest day-close balance) − L}, raised only at day close. */
    TRAILING_EOD_BALANCE,
    /** {@code max(initial, peak equity incl. open P&L) − L}, raised on every mark. */
    TRAILING_INTRADAY_EQUITY
}
