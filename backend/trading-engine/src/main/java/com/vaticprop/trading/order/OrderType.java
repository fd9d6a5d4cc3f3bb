package com.vaticprop.trading.order;

public enum OrderType {
    /** Fills at the touch plus slippage (or by walking the book). */
    MARKET,
    /** Fills only at the limit price or better. */
    LIMIT,
    /** Stop-market: becomes a market order once the touch crosses the stop price. */
    STOP
}
