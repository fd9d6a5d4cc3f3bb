package com.vaticprop.trading.instrument;

/** Side of a binary market an outcome share pays on. */
public enum Outcome {
    YES,
    NO;

    public Outcome other() {
        return this == YES ? NO : YES;
    }
}
