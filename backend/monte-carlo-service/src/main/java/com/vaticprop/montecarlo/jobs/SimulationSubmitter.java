package com.vaticprop.montecarlo.jobs;

import com.vaticprop.montecarlo.spec.SimulationSpec;
import com.vaticprop.montecarlo.store.Outbox;
import com.vaticprop.montecarlo.store.SimulationStore;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.SimulationRequested;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Queues a simulation: the QUEUED row and its {@code montecarlo.simulation-requested} event are written in one
 * transaction (outbox), so a request is never accepted without being distributed, nor distributed without a row.
 */
public final class SimulationSubmitter {

    private final SimulationStore simulations;
    private final Outbox outbox;
    private final Transactions transactions;
    private final JsonMapper json;
    private final Clock clock;

    public SimulationSubmitter(SimulationStore simulations, Outbox outbox, Transactions transactions, JsonMapper json,
                               Clock clock) {
        this.simulations = simulations;
        this.outbox = outbox;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    public UUID submit(UUID owner, String requestedBy, UUID assessmentId, SimulationSpec spec) {
        UUID id = UUID.randomUUID();
        transactions.run(() -> {
            Instant now = clock.instant();
            simulations.insert(id, owner, requestedBy, assessmentId, json.valueToTree(spec), now);
            requested(id, owner, assessmentId, spec, now);
        });
        return id;
    }

    /**
     * The work-queue event. It names the job and its parameters; the sample and rule set stay in the row (a request
     * can hold megabytes of sample, and the row is what a claim reads anyway), so {@code pnlSeries} is empty.
     */
    public void requested(UUID id, UUID owner, UUID assessmentId, SimulationSpec spec, Instant now) {
        SimulationRequested data = new SimulationRequested(id, assessmentId, owner, List.of(), spec.method().name(),
                spec.paths(), spec.horizonDays(), spec.seed(), now);
        EventEnvelope<SimulationRequested> event = new EventEnvelope<>(UUID.randomUUID(),
                EventType.SIMULATION_REQUESTED.wireName(), 1, now, assessmentId, owner, null, null, data);
        outbox.append(Topic.SIMULATION_REQUESTED, id.toString(), event, now);
    }
}
