package com.vaticprop.trading.rules;

/** Unit of a check's threshold, measured value and distance. */
public enum Unit {
    MONEY,
    DAYS,
    PERCENT,
    RATIO
}
