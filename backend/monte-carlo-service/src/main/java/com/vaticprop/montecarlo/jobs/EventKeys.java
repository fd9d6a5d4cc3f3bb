package com.vaticprop.montecarlo.jobs;

import java.util.UUID;

/** CONTRACTS: progress and completed events are keyed by the assessment when there is one, else by the simulation. */
public final class EventKeys {
    private EventKeys() {
    }

    public static String of(UUID assessmentId, UUID simulationId) {
        return (assessmentId != null ? assessmentId : simulationId).toString();
    }
}
