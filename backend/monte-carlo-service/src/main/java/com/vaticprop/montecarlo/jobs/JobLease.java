package com.vaticprop.montecarlo.jobs;

import com.vaticprop.montecarlo.store.Claim;
import com.vaticprop.montecarlo.store.SimulationStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * A running job's heartbeat, on its own thread: every {@code interval} (≥ 1 s) it stores the progress, extends the
 * lease, reads the cancel flag and publishes progress when it moved. The engine only sets a volatile fraction
 * ({@link #progress}) and asks {@link #shouldStop} between chunks. If the heartbeat finds its claim gone (the lease
 * was taken over after a pause longer than the lease), the job stops and writes nothing.
 */
final class JobLease implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(JobLease.class);

    private final Claim claim;
    private final UUID owner;
    private final UUID assessmentId;
    private final SimulationStore store;
    private final ProgressPublisher progress;
    private final Clock clock;
    private final Duration lease;
    private final Duration interval;
    private final Thread thread;

    private volatile double fraction;
    private volatile boolean cancelRequested;
    private volatile boolean lost;
    private volatile boolean closed;
    private final java.util.concurrent.CountDownLatch stop = new java.util.concurrent.CountDownLatch(1);
    private int publishedPct = -1;

    JobLease(Claim claim, UUID owner, UUID assessmentId, SimulationStore store, ProgressPublisher progress,
             Clock clock, Duration lease, Duration interval) {
        this.claim = claim;
        this.owner = owner;
        this.assessmentId = assessmentId;
        this.store = store;
        this.progress = progress;
        this.clock = clock;
        this.lease = lease;
        this.interval = interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval;
        this.thread = Thread.ofPlatform().daemon(true).name("lease-" + claim.simulationId()).start(this::beat);
    }

    void progress(double f) {
        fraction = f;
    }

    boolean shouldStop() {
        return cancelRequested || lost;
    }

    boolean lost() {
        return lost;
    }

    private void beat() {
        publish(0);
        while (!closed) {
            try {
                if (stop.await(interval.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            if (closed) {
                return;
            }
            int pct = (int) Math.min(99, Math.floor(fraction * 100));
            try {
                Optional<Boolean> cancel = store.heartbeat(claim, pct, clock.instant(), clock.instant().plus(lease));
                if (cancel.isEmpty()) {
                    log.warn("simulation {}: claim lost (attempt {} was taken over); stopping", claim.simulationId(),
                            claim.attempt());
                    lost = true;
                    return;
                }
                cancelRequested = cancel.get();
                publish(pct);
            } catch (RuntimeException e) {
                log.warn("simulation {}: heartbeat failed: {}", claim.simulationId(), e.toString());
            }
        }
    }

    private void publish(int pct) {
        if (pct != publishedPct) {
            publishedPct = pct;
            try {
                progress.publish(claim.simulationId(), owner, assessmentId, pct);
            } catch (RuntimeException e) {
                log.debug("simulation {}: progress not published: {}", claim.simulationId(), e.toString());
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        stop.countDown(); // no interrupt: it would break a Kafka send or a JDBC call in progress
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
