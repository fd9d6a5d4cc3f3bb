package com.vaticprop.montecarlo.store;

/** A simulation's life: QUEUED → RUNNING → SUCCEEDED | FAILED | CANCELLED (QUEUED → CANCELLED too). */
public enum SimulationStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
