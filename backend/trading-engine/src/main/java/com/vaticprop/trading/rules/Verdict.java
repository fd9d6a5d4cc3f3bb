package com.vaticprop.trading.rules;

public enum Verdict {
    /** A limit that holds. */
    OK,
    /** A limit that is touched or crossed. */
    BREACH,
    /** A pass condition that holds. */
    MET,
    /** A pass condition that does not hold yet. */
    NOT_MET
}
