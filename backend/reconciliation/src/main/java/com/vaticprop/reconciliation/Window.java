package com.vaticprop.reconciliation;

import java.time.Instant;

/** The time window [from, to) in UTC: it selects the assessments that changed in it and the events written in it. */
public record Window(Instant from, Instant to) {

    public Window {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("--from must be before --to");
        }
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }
}
