package com.vaticprop.trading.market;

/** Whether orders may be placed on an instrument (market-data.market-status, plus RESOLVED after a resolution). */
public enum MarketStatus {
    OPEN,
    CLOSED,
    HALTED,
    RESOLVED;

    public boolean acceptsOrders() {
        return this == OPEN;
    }
}
