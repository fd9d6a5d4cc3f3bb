package com.vaticprop.reconciliation;

/**
 * One discrepancy, named so that a person can go and look at it: what kind it is, where it was seen (the store
 * being compared), the item (an event id, a trade, an account…) and what differs.
 */
public record Finding(Kind kind, String where, String item, String detail) {

    /** The kinds the issue asks to tell apart; the output is grouped by them. */
    public enum Kind {
        /** Present in the source of truth, absent downstream (an outbox event not on Kafka, a trade not in a read model). */
        LOST,
        /** The same event id (or effect) more than once. */
        DUPLICATED,
        /** One assessment's events not in {@code seq} order. */
        OUT_OF_ORDER,
        /** A hole in an assessment's {@code seq} numbers. */
        GAP,
        /** Present on both sides with different values, or present downstream with no source. */
        MISMATCH,
        /** An outbox row the relay has not published (yet): not lost, but not delivered either. */
        UNPUBLISHED
    }

    @Override
    public String toString() {
        return kind + " [" + where + "] " + item + ": " + detail;
    }
}
