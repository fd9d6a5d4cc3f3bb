package com.vaticprop.platform.boot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A background job run on its own daemon thread at a fixed delay for as long as the application context runs,
 * optionally held back until {@code ready} holds (the schema is migrated, the topics exist): a run that finds it false
 * is skipped, not failed. A run that throws is logged and the next run goes ahead: these jobs (pruning, publishing,
 * relaying, sweeping, watching) must outlive a database or broker outage. {@link #start()} after {@link #stop()}
 * schedules the job again (a paused test context restarts its lifecycle beans).
 */
public final class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration delay;
    private final BooleanSupplier ready;
    private final Runnable job;
    private ScheduledExecutorService scheduler;

    /** Runs from the first delay on, with no precondition. */
    public PeriodicTask(String name, Duration delay, Runnable job) {
        this(name, delay, () -> true, job);
    }

    public PeriodicTask(String name, Duration delay, BooleanSupplier ready, Runnable job) {
        this.name = name;
        this.delay = delay;
        this.ready = ready;
        this.job = job;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name(name).daemon(true)
                .unstarted(r));
        long ms = delay.toMillis();
        scheduler.scheduleWithFixedDelay(this::runQuietly, ms, ms, TimeUnit.MILLISECONDS);
    }

    private void runQuietly() {
        try {
            if (ready.getAsBoolean()) {
                job.run();
            }
        } catch (RuntimeException e) {
            log.warn("{} failed: {} (runs again in {} ms)", name, e.toString(), delay.toMillis());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
