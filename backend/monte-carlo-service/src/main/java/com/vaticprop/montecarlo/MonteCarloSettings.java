package com.vaticprop.montecarlo;

import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * The service's tunables (all {@code vatic.montecarlo.*}, defaults for production).
 *
 * @param workers          jobs one pod runs at once (one Kafka consumer each); pods × workers = cluster throughput
 * @param maxThreads       the most engine threads one job may ask for
 * @param lease            how long a claim lives without a heartbeat; a pod silent for longer is presumed dead
 * @param sweepInterval    how often stale leases are looked for
 * @param maxAttempts      claims of one job before it is failed (a job that kills its pod must not loop forever)
 * @param minRoundTrips    the smallest round-trip sample a simulation accepts
 * @param minDays          the smallest day sample a simulation accepts
 * @param progressInterval the least time between two progress writes/events of one job (≤ 1/s per CONTRACTS)
 */
public record MonteCarloSettings(int workers, int maxThreads, Duration lease, Duration sweepInterval, int maxAttempts,
                                 int minRoundTrips, int minDays, Duration progressInterval,
                                 Duration outboxInterval, Duration maxPollInterval, Resimulation resimulation) {

    /** Deliver 5: periodic re-simulation of ACTIVE assessments with enough trades; off by default. */
    public record Resimulation(boolean enabled, Duration interval, int paths, int horizonDays) {
    }

    public static MonteCarloSettings from(Environment env) {
        return new MonteCarloSettings(
                env.getProperty("vatic.montecarlo.workers", Integer.class, 1),
                env.getProperty("vatic.montecarlo.max-threads", Integer.class,
                        Runtime.getRuntime().availableProcessors()),
                env.getProperty("vatic.montecarlo.lease", Duration.class, Duration.ofSeconds(30)),
                env.getProperty("vatic.montecarlo.sweep-interval", Duration.class, Duration.ofSeconds(5)),
                env.getProperty("vatic.montecarlo.max-attempts", Integer.class, 3),
                env.getProperty("vatic.montecarlo.min-round-trips", Integer.class, 10),
                env.getProperty("vatic.montecarlo.min-days", Integer.class, 5),
                env.getProperty("vatic.montecarlo.progress-interval", Duration.class, Duration.ofSeconds(1)),
                env.getProperty("vatic.montecarlo.outbox-interval", Duration.class, Duration.ofMillis(200)),
                env.getProperty("vatic.montecarlo.max-poll-interval", Duration.class, Duration.ofMinutes(30)),
                new Resimulation(
                        env.getProperty("vatic.montecarlo.resimulate.enabled", Boolean.class, false),
                        env.getProperty("vatic.montecarlo.resimulate.interval", Duration.class, Duration.ofHours(6)),
                        env.getProperty("vatic.montecarlo.resimulate.paths", Integer.class, 100_000),
                        env.getProperty("vatic.montecarlo.resimulate.horizon-days", Integer.class, 30)));
    }
}
