package com.vaticprop.marketdata.simulated;

import com.vaticprop.marketdata.feed.FeedSource;
import com.vaticprop.marketdata.feed.FeedStatus;
import com.vaticprop.marketdata.feed.TickSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code simulated} feed source: runs a {@link SimulatedMarket} on its own thread, one step per interval, with
 * the service clock's time. The devstack's default source, so the platform shows moving prices offline.
 */
public final class SimulatedFeed implements FeedSource {

    public static final String NAME = "simulated";

    private static final Logger log = LoggerFactory.getLogger(SimulatedFeed.class);

    private final SimulatedMarket market;
    private final Clock clock;
    private final AtomicLong steps = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Instant lastMessageAt;
    private volatile String state = "STOPPED";
    private ScheduledExecutorService scheduler;

    public SimulatedFeed(SimulatedMarket market, Clock clock) {
        this.market = market;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start(TickSink sink) {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().name("simulated-feed")
                .daemon().unstarted(r));
        long periodMs = Math.max(1, market.stepInterval().toMillis());
        state = "RUNNING";
        scheduler.execute(() -> guarded(() -> market.open(clock.instant(), sink)));
        scheduler.scheduleAtFixedRate(() -> guarded(() -> market.step(clock.instant(), sink)), periodMs, periodMs,
                TimeUnit.MILLISECONDS);
    }

    private void guarded(Runnable step) {
        try {
            step.run();
            steps.incrementAndGet();
            lastMessageAt = clock.instant();
        } catch (RuntimeException e) {
            // one failed step must not cancel the schedule (a scheduled task that throws never runs again)
            if (failures.incrementAndGet() == 1) {
                log.warn("simulated feed step failed: {}", e.toString(), e);
            }
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            try {
                scheduler.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            scheduler = null;
        }
        state = "STOPPED";
    }

    @Override
    public FeedStatus status() {
        return new FeedStatus(NAME, state, lastMessageAt, 0, Map.of("steps", steps.get(),
                "stepFailures", failures.get(), "instruments", (long) market.instruments().size()));
    }
}
