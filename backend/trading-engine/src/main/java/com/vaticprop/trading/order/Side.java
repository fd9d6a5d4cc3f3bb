package com.vaticprop.trading.order;

import java.math.BigDecimal;

public enum Side {
    BUY,
    SELL;

    /** +1 for buys, −1 for sells: the sign a fill adds to a position. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public BigDecimal signed(BigDecimal qty) {
        return this == BUY ? qty : qty.negate();
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }
}
