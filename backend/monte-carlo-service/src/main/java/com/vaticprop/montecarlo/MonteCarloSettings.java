package com.vaticprop.montecarlo;

import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * The service's tunables: variables {@code MONTECARLO_*} or properties {@code vatic.montecarlo.*} (README.md beside
 * the pom lists them), with production defaults.
 *
 * @param workers          jobs one pod runs at once (one Kafka consumer each); pods × workers = cluster throughput
 * @param maxThreads       the most engine threads one job may ask for
 * @param lease            how long a claim lives without a heartbeat; a pod silent for longer is presumed dead
 * @param sweepInterval    how often stale leases are looked for
 * @param maxAttempts      claims of one job before it is failed (a job that kills its pod must not loop forever)
 * @param minRoundTrips    the smallest round-trip sample a simulation accepts
 * @param minDays          the smallest day sample a simulation accepts
 * @param progressInterval the least time between two progress writes/events of one job (≤ 1/s per CONTRACTS)
 * @param outboxInterval   how often the outbox relay looks for unpublished events when idle
 * @param maxPollInterval  Kafka's max.poll.interval.ms for job consumers: longer than the longest job
 * @param requeueAfter     a QUEUED job unclaimed for this long has its request published again
 * @param maxActivePerUser QUEUED + RUNNING simulations one trader may have at once (ADMIN/SERVICE are not limited)
 */
public record MonteCarloSettings(int workers, int maxThreads, Duration lease, Duration sweepInterval, int maxAttempts,
                                 int minRoundTrips, int minDays, Duration progressInterval,
                                 Duration outboxInterval, Duration maxPollInterval, Duration requeueAfter,
                                 int maxActivePerUser, Resimulation resimulation) {

    /** Deliver 5: periodic re-simulation of ACTIVE assessments with enough trades; off by default. */
    public record Resimulation(boolean enabled, Duration interval, int paths, int horizonDays) {
    }

    /**
     * {@code MONTECARLO_<KEY>} from the environment (the README's variables, e.g. {@code MONTECARLO_WORKERS},
     * {@code MONTECARLO_RESIMULATE_ENABLED}), else the property {@code vatic.montecarlo.<key>}, else the default.
     */
    static <T> T get(Environment env, String key, Class<T> type, T fallback) {
        String variable = "MONTECARLO_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace('.', '_');
        T fromVariable = env.getProperty(variable, type);
        return fromVariable != null ? fromVariable : env.getProperty("vatic.montecarlo." + key, type, fallback);
    }

    public static MonteCarloSettings from(Environment env) {
        return new MonteCarloSettings(
                get(env, "workers", Integer.class, 1),
                get(env, "max-threads", Integer.class,
                        Runtime.getRuntime().availableProcessors()),
                get(env, "lease", Duration.class, Duration.ofSeconds(30)),
                get(env, "sweep-interval", Duration.class, Duration.ofSeconds(5)),
                get(env, "max-attempts", Integer.class, 3),
                get(env, "min-round-trips", Integer.class, 10),
                get(env, "min-days", Integer.class, 5),
                get(env, "progress-interval", Duration.class, Duration.ofSeconds(1)),
                get(env, "outbox-interval", Duration.class, Duration.ofMillis(200)),
                get(env, "max-poll-interval", Duration.class, Duration.ofMinutes(30)),
                get(env, "requeue-after", Duration.class, Duration.ofMinutes(10)),
                get(env, "max-active-per-user", Integer.class, 10),
                new Resimulation(
                        get(env, "resimulate.enabled", Boolean.class, false),
                        get(env, "resimulate.interval", Duration.class, Duration.ofHours(6)),
                        get(env, "resimulate.paths", Integer.class, 100_000),
                        get(env, "resimulate.horizon-days", Integer.class, 30)));
    }
}
