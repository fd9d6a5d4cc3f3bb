package com.vaticprop.marketdata.venue.crypto;

import com.vaticprop.marketdata.feed.FeedSource;
import com.vaticprop.marketdata.feed.FeedStatus;
import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * BTC/ETH/SOL from a primary venue with a secondary on standby, per instrument. Both venues stay connected (a
 * failover that first has to connect would be seconds late); the secondary's quotes reach the sink only while the
 * primary's book for that instrument is stale (no tick or confirmation for longer than {@code staleAfter}, the
 * contracts' crypto bound), and the primary takes over again with its first fresh quote. Every quote of either venue
 * passes the {@link BadTickFilter} first, which also uses the standby's quotes as the cross-venue reference.
 */
public final class CryptoFeed implements FeedSource {
    public static final String FAILOVERS = "failovers";
    public static final String RECOVERIES = "recoveries";

    private final String name;
    private final FeedSource primary;
    private final FeedSource secondary;
    private final BadTickFilter filter;
    private final Duration staleAfter;
    private final Clock clock;
    private final VenueCounters counters;
    private final Map<String, Instant> primaryConfirmedAt = new HashMap<>();
    private final Map<String, Boolean> onSecondary = new HashMap<>();
    private TickSink sink;

    public CryptoFeed(String name, FeedSource primary, FeedSource secondary, BadTickFilter filter,
                      Duration staleAfter, Clock clock, VenueCounters counters) {
        this.name = name;
        this.primary = primary;
        this.secondary = secondary;
        this.filter = filter;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(TickSink target) {
        this.sink = target;
        primary.start(new VenueSink(true));
        if (secondary != null) {
            secondary.start(new VenueSink(false));
        }
    }

    @Override
    public void stop() {
        primary.stop();
        if (secondary != null) {
            secondary.stop();
        }
    }

    /** Which venue currently feeds the instrument (for the status endpoint and tests). */
    public synchronized String activeVenue(String instrument) {
        return onSecondary.getOrDefault(instrument, false) && secondary != null ? secondary.name() : primary.name();
    }

    @Override
    public FeedStatus status() {
        FeedStatus p = primary.status();
        Map<String, Long> all = new TreeMap<>(counters.snapshot());
        p.counters().forEach((k, v) -> all.put(p.source() + "." + k, v));
        Instant last = p.lastMessageAt();
        long reconnects = p.reconnects();
        String state = p.state();
        if (secondary != null) {
            FeedStatus s = secondary.status();
            s.counters().forEach((k, v) -> all.put(s.source() + "." + k, v));
            reconnects += s.reconnects();
            if (last == null || (s.lastMessageAt() != null && s.lastMessageAt().isAfter(last))) {
                last = s.lastMessageAt();
            }
            if (!"CONNECTED".equals(state) && "CONNECTED".equals(s.state())) {
                state = "CONNECTED";
            }
        }
        return new FeedStatus(name, state, last, reconnects, all);
    }

    private boolean primaryStale(String instrument, Instant now) {
        Instant at = primaryConfirmedAt.get(instrument);
        return at == null || Duration.between(at, now).compareTo(staleAfter) > 0;
    }

    private synchronized void fromPrimary(MarketTick tick) {
        if (!filter.accept(tick)) {
            return;
        }
        primaryConfirmedAt.put(tick.instrument(), tick.receivedTs());
        if (Boolean.TRUE.equals(onSecondary.put(tick.instrument(), false))) {
            counters.increment(RECOVERIES);
        }
        sink.tick(tick);
    }

    private synchronized void fromSecondary(MarketTick tick) {
        if (!filter.accept(tick)) {
            return;
        }
        if (!primaryStale(tick.instrument(), latest(tick.receivedTs()))) {
            return;
        }
        if (!Boolean.TRUE.equals(onSecondary.put(tick.instrument(), true))) {
            counters.increment(FAILOVERS);
        }
        sink.tick(tick);
    }

    private synchronized void confirmed(boolean isPrimary, String instrument, Instant receivedTs) {
        if (isPrimary) {
            primaryConfirmedAt.put(instrument, receivedTs);
            if (!onSecondary.getOrDefault(instrument, false)) {
                sink.confirmed(instrument, receivedTs);
            }
        } else if (onSecondary.getOrDefault(instrument, false) && primaryStale(instrument, latest(receivedTs))) {
            sink.confirmed(instrument, receivedTs);
        }
    }

    private Instant latest(Instant receivedTs) {
        Instant now = clock.instant();
        return receivedTs != null && receivedTs.isAfter(now) ? receivedTs : now;
    }

    /** What one venue delivers, routed through the filter and the failover decision. */
    private final class VenueSink implements TickSink {
        private final boolean isPrimary;

        VenueSink(boolean isPrimary) {
            this.isPrimary = isPrimary;
        }

        @Override
        public void tick(MarketTick tick) {
            if (isPrimary) {
                fromPrimary(tick);
            } else {
                fromSecondary(tick);
            }
        }

        @Override
        public void confirmed(String instrument, Instant receivedTs) {
            CryptoFeed.this.confirmed(isPrimary, instrument, receivedTs);
        }

        @Override
        public void resolution(MarketResolution resolution) {
            sink.resolution(resolution);
        }

        @Override
        public void status(MarketStatusChanged status) {
            sink.status(status);
        }
    }
}
