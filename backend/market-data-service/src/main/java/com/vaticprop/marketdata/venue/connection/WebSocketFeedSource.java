package com.vaticprop.marketdata.venue.connection;

import com.vaticprop.marketdata.feed.FeedSource;
import com.vaticprop.marketdata.feed.FeedStatus;
import com.vaticprop.marketdata.feed.TickSink;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * A venue connector as the pipeline sees it: one {@link WebSocketConnection} plus the companions that belong to the
 * venue (REST pollers for market status and settlement), started and stopped together, reporting one status.
 */
public final class WebSocketFeedSource implements FeedSource, com.vaticprop.marketdata.replay.RawFrameSource {

    /** Something that runs beside the socket, on the source's scheduler (e.g. a market-status poller). */
    public interface Companion {
        void start(TickSink sink, ScheduledExecutorService scheduler);

        void stop();
    }

    private final String name;
    private final VenueCounters counters;
    private final WebSocketConnection connection;
    private final List<Companion> companions;
    /** Two threads: a slow REST poll (companion) must not hold up the watchdog, keepalive or outbound sends. */
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;

    public WebSocketFeedSource(String name, ConnectionSettings settings, VenueProtocol protocol,
                               VenueCounters counters, List<Companion> companions, Clock clock,
                               ScheduledExecutorService scheduler) {
        this.name = name;
        this.counters = counters;
        this.companions = List.copyOf(companions);
        this.ownsScheduler = scheduler == null;
        this.scheduler = scheduler != null ? scheduler
                : Executors.newScheduledThreadPool(2, Thread.ofPlatform().daemon().name(name + "-venue-", 0).factory());
        this.connection = new WebSocketConnection(name, settings, protocol, counters, clock, this.scheduler,
                new Backoff(settings.backoffInitial(), settings.backoffMax(), RandomGenerator.getDefault()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(TickSink sink) {
        companions.forEach(companion -> companion.start(sink, scheduler));
        connection.start(sink);
    }

    @Override
    public void stop() {
        connection.stop();
        companions.forEach(Companion::stop);
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public FeedStatus status() {
        return new FeedStatus(name, connection.state(), connection.lastMessageAt(),
                counters.get(VenueCounters.RECONNECTS), counters.snapshot());
    }

    @Override
    public void recordTo(com.vaticprop.marketdata.replay.FrameRecorder recorder) {
        connection.recordTo(recorder);
    }

    public VenueCounters counters() {
        return counters;
    }

    public WebSocketConnection connection() {
        return connection;
    }
}
