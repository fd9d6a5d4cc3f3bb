package com.vaticprop.montecarlo.jobs;

import com.vaticprop.montecarlo.MonteCarloSettings;
import com.vaticprop.montecarlo.spec.SimulationSpec;
import com.vaticprop.montecarlo.store.SimulationRow;
import com.vaticprop.montecarlo.store.SimulationStatus;
import com.vaticprop.montecarlo.store.SimulationStore;
import com.vaticprop.platform.jdbc.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;

/**
 * Finds RUNNING jobs whose pod stopped renewing its lease (it died, or lost the database) and puts them back on the
 * queue: the row returns to QUEUED and a new {@code simulation-requested} goes out through the outbox, in one
 * transaction that only one pod's sweeper can win. A job already cancelled is finished as CANCELLED; one that has
 * used up its attempts (it may be what kills pods) is FAILED. The old holder, should it come back, finds its claim
 * gone: its heartbeat stops it and its final write matches no row. QUEUED jobs left unclaimed for long are
 * announced again.
 */
public final class LeaseSweeper implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(LeaseSweeper.class);

    private final SimulationStore store;
    private final SimulationSubmitter submitter;
    private final Completions completions;
    private final Transactions transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final MonteCarloSettings settings;

    public LeaseSweeper(SimulationStore store, SimulationSubmitter submitter, Completions completions,
                        Transactions transactions, JsonMapper json, Clock clock, MonteCarloSettings settings) {
        this.store = store;
        this.submitter = submitter;
        this.completions = completions;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public void run() {
        for (SimulationRow row : store.staleRunning(clock.instant(), 50)) {
            transactions.run(() -> recover(row));
        }
        Instant before = clock.instant().minus(settings.requeueAfter());
        for (SimulationRow row : store.forgottenQueued(before, 50)) {
            transactions.run(() -> announceAgain(row, before));
        }
    }

    /**
     * A QUEUED job no pod has claimed for {@code requeueAfter}: its request is re-published (a duplicate is harmless:
     * only one claim can succeed). Covers a request that Kafka dropped (retention passed while the queue was
     * backed up) or a consumer group that skipped it.
     */
    private void announceAgain(SimulationRow row, Instant before) {
        Instant now = clock.instant();
        if (store.touchQueued(row.id(), before, now)) {
            submitter.requested(row.id(), row.ownerUserId(), row.assessmentId(),
                    json.treeToValue(row.request(), SimulationSpec.class), now);
            log.warn("simulation {}: still QUEUED after {}; request published again", row.id(),
                    settings.requeueAfter());
        }
    }

    private void recover(SimulationRow row) {
        Instant now = clock.instant();
        if (row.cancelRequested()) {
            if (store.finishStale(row.id(), row.attempt(), SimulationStatus.CANCELLED, "cancelled", now)) {
                completions.announce(row.id(), row.ownerUserId(), row.assessmentId(), SimulationStatus.CANCELLED,
                        null, now);
            }
            return;
        }
        if (row.attempt() >= settings.maxAttempts()) {
            String error = "gave up after " + row.attempt() + " attempts: the pods running it stopped responding";
            if (store.finishStale(row.id(), row.attempt(), SimulationStatus.FAILED, error, now)) {
                completions.announce(row.id(), row.ownerUserId(), row.assessmentId(), SimulationStatus.FAILED,
                        null, now);
                log.warn("simulation {}: {}", row.id(), error);
            }
            return;
        }
        if (store.requeueStale(row.id(), row.attempt(), now)) {
            submitter.requested(row.id(), row.ownerUserId(), row.assessmentId(),
                    json.treeToValue(row.request(), SimulationSpec.class), now);
            log.warn("simulation {}: lease of {} expired at {} (attempt {}); queued again", row.id(),
                    row.leaseOwner(), row.leaseUntil(), row.attempt());
        }
    }
}
