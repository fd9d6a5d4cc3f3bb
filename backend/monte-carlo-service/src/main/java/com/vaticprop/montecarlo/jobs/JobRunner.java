package com.vaticprop.montecarlo.jobs;

import com.vaticprop.montecarlo.MonteCarloSettings;
import com.vaticprop.montecarlo.spec.SimulationSpec;
import com.vaticprop.montecarlo.store.Claim;
import com.vaticprop.montecarlo.store.SimulationRow;
import com.vaticprop.montecarlo.store.SimulationStatus;
import com.vaticprop.montecarlo.store.SimulationStore;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.risk.MonteCarloEngine;
import com.vaticprop.risk.SimulationCancelledException;
import com.vaticprop.risk.result.SimulationResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one job to its end on this pod: claim the row (QUEUED → RUNNING under this pod's lease; nothing to do when
 * another pod holds it or it is finished), run the engine with a heartbeat, then one final write conditional on the
 * claim together with the completed event. A duplicate request, a redelivery after a rebalance, or a pod that comes
 * back from a long pause all end in "nothing to do" or in a final write that matches no row.
 */
public final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final String podId;
    private final SimulationStore store;
    private final Completions completions;
    private final ProgressPublisher progress;
    private final Transactions transactions;
    private final JsonMapper json;
    private final Clock clock;
    private final MonteCarloSettings settings;
    private final MeterRegistry meters;
    private final AtomicInteger running = new AtomicInteger();
    private final SimulationSubmitter submitter;
    private volatile boolean shuttingDown;

    public JobRunner(String podId, SimulationStore store, Completions completions, ProgressPublisher progress,
                     Transactions transactions, JsonMapper json, Clock clock, MonteCarloSettings settings,
                     MeterRegistry meters, SimulationSubmitter submitter) {
        this.podId = podId;
        this.store = store;
        this.completions = completions;
        this.progress = progress;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.meters = meters;
        this.submitter = submitter;
        Gauge.builder("vatic.montecarlo.jobs.running", running, AtomicInteger::get)
                .description("simulations running on this pod").register(meters);
    }

    public String podId() {
        return podId;
    }

    /**
     * The pod is stopping (a rollout, a scale-down): running jobs stop at their next chunk and are handed back to the
     * queue at once, instead of waiting for their lease to expire.
     */
    public void shutDown() {
        shuttingDown = true;
    }

    /** Started again after a stop (a paused context restarts its lifecycle beans). */
    public void resume() {
        shuttingDown = false;
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    /** Returns the final status this pod wrote, or empty when it did not run (or did not finish) the job. */
    public Optional<SimulationStatus> run(UUID simulationId) {
        if (shuttingDown) {
            return Optional.empty();
        }
        Optional<Claim> claimed = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            return store.claim(simulationId, podId, now, now.plus(settings.lease()));
        });
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Claim claim = claimed.get();
        running.incrementAndGet();
        long started = System.nanoTime();
        try {
            Optional<SimulationStatus> status = runClaimed(claim, simulationId);
            status.ifPresent(st -> {
                meters.counter("vatic.montecarlo.jobs.finished", "status", st.name()).increment();
                meters.timer("vatic.montecarlo.job.duration", "status", st.name())
                        .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            });
            return status;
        } finally {
            running.decrementAndGet();
        }
    }

    private Optional<SimulationStatus> runClaimed(Claim claim, UUID simulationId) {
        SimulationRow row = store.find(simulationId).orElseThrow();
        log.info("simulation {}: attempt {} running on {}", simulationId, claim.attempt(), podId);
        SimulationSpec spec;
        try {
            spec = json.treeToValue(row.request(), SimulationSpec.class);
        } catch (RuntimeException e) {
            return finish(claim, row, SimulationStatus.FAILED, null, "the stored request cannot be read: "
                    + e.getMessage());
        }
        try (JobLease lease = new JobLease(claim, row.ownerUserId(), row.assessmentId(), store, progress, clock,
                settings.lease(), settings.progressInterval())) {
            SimulationResult result;
            try {
                result = MonteCarloEngine.run(spec.toEngineRequest(), lease::progress,
                        () -> lease.shouldStop() || shuttingDown);
            } catch (SimulationCancelledException e) {
                lease.close();
                if (lease.lost()) {
                    return Optional.empty();
                }
                if (shuttingDown && handBack(claim, row, spec)) {
                    return Optional.empty();
                }
                return finish(claim, row, SimulationStatus.CANCELLED, null, "cancelled");
            } catch (RuntimeException | OutOfMemoryError e) {
                log.warn("simulation {} failed: {}", simulationId, e.toString());
                lease.close();
                return lease.lost() ? Optional.empty()
                        : finish(claim, row, SimulationStatus.FAILED, null, e.getMessage());
            }
            lease.close();
            if (lease.lost()) {
                return Optional.empty();
            }
            return finish(claim, row, SimulationStatus.SUCCEEDED, result, null);
        }
    }

    /** RUNNING → QUEUED with a new request, unless a cancel arrived meanwhile (then it is finished as CANCELLED). */
    private boolean handBack(Claim claim, SimulationRow row, SimulationSpec spec) {
        boolean released = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!store.release(claim, now)) {
                return false;
            }
            submitter.requested(row.id(), row.ownerUserId(), row.assessmentId(), spec, now);
            return true;
        });
        if (released) {
            log.info("simulation {}: handed back to the queue as {} shuts down", row.id(), podId);
        }
        return released;
    }

    private Optional<SimulationStatus> finish(Claim claim, SimulationRow row, SimulationStatus status,
                                              SimulationResult result, String error) {
        JsonNode resultJson = result == null ? null : ResultJson.of(result, json);
        boolean written = transactions.inTransaction(() -> {
            Instant now = clock.instant();
            if (!store.finish(claim, status, resultJson, error, now)) {
                return false;
            }
            completions.announce(row.id(), row.ownerUserId(), row.assessmentId(), status, result, now);
            return true;
        });
        if (!written) {
            log.warn("simulation {}: attempt {} lost its claim before the final write; its {} is discarded",
                    row.id(), claim.attempt(), status);
            return Optional.empty();
        }
        log.info("simulation {}: {} on {} (attempt {})", row.id(), status, podId, claim.attempt());
        return Optional.of(status);
    }
}
