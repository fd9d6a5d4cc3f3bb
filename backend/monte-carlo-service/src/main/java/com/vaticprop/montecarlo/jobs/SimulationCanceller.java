package com.vaticprop.montecarlo.jobs;

import com.vaticprop.montecarlo.store.SimulationRow;
import com.vaticprop.montecarlo.store.SimulationStatus;
import com.vaticprop.montecarlo.store.SimulationStore;
import com.vaticprop.platform.jdbc.Transactions;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Cancels a simulation. A QUEUED one is CANCELLED at once (and announced), racing the claim in one conditional
 * UPDATE each, so exactly one wins; a RUNNING one gets the flag its holder reads at the next heartbeat, and it stops
 * between two chunks of paths. A finished one cannot be cancelled.
 */
public final class SimulationCanceller {

    /** What the cancel did. */
    public enum Outcome { CANCELLED, REQUESTED, ALREADY_FINISHED }

    private final SimulationStore store;
    private final Completions completions;
    private final Transactions transactions;
    private final Clock clock;

    public SimulationCanceller(SimulationStore store, Completions completions, Transactions transactions,
                               Clock clock) {
        this.store = store;
        this.completions = completions;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Outcome cancel(SimulationRow row) {
        UUID id = row.id();
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (store.cancelQueued(id, now)) {
                completions.announce(id, row.ownerUserId(), row.assessmentId(), SimulationStatus.CANCELLED, null,
                        now);
                return Outcome.CANCELLED;
            }
            if (store.requestCancel(id, now)) {
                return Outcome.REQUESTED;
            }
            return Outcome.ALREADY_FINISHED;
        });
    }
}
