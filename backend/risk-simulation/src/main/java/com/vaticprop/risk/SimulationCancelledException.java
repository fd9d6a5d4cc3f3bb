package com.vaticprop.risk;

/** The cancellation flag was seen between chunks; no result is produced. */
public final class SimulationCancelledException extends RuntimeException {
    public SimulationCancelledException(double fractionDone) {
        super("simulation cancelled at " + Math.round(fractionDone * 100) + "%");
    }
}
