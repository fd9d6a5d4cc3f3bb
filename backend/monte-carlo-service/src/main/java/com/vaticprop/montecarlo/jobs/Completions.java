package com.vaticprop.montecarlo.jobs;

import com.vaticprop.montecarlo.store.Outbox;
import com.vaticprop.montecarlo.store.SimulationStatus;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.SimulationCompleted;
import com.vaticprop.risk.result.SimulationResult;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes {@code montecarlo.simulation-completed} to the outbox, in the transaction of the final write it announces:
 * the final write is conditional on the claim, so a job finished once is announced once.
 */
public final class Completions {

    private final Outbox outbox;

    public Completions(Outbox outbox) {
        this.outbox = outbox;
    }

    /** {@code result} only for SUCCEEDED: the summary and fan chart; FAILED and CANCELLED carry the status alone. */
    public void announce(UUID simulationId, UUID owner, UUID assessmentId, SimulationStatus status,
                         SimulationResult result, Instant now) {
        SimulationCompleted data = result == null
                ? new SimulationCompleted(simulationId, status.name(), null, List.of())
                : new SimulationCompleted(simulationId, status.name(), ResultJson.summary(result),
                ResultJson.fanPoints(result.fanChart()));
        EventEnvelope<SimulationCompleted> event = new EventEnvelope<>(UUID.randomUUID(),
                EventType.SIMULATION_COMPLETED.wireName(), 1, now, assessmentId, owner, null, null, data);
        outbox.append(Topic.SIMULATION_COMPLETED, EventKeys.of(assessmentId, simulationId), event, now);
    }
}
