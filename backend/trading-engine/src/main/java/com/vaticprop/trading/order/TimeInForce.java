package com.vaticprop.trading.order;

public enum TimeInForce {
    /** Rests until filled or cancelled; a partial fill leaves the rest working. */
    GTC,
    /** Fills what it can against the first eligible quote; the rest is cancelled. */
    IOC
}
