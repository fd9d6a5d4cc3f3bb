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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * BTC/ETH/SOL from venues in priority order (primary first), chosen per instrument. All venues stay connected (a
 * failover that first has to connect would be seconds late); a venue's quotes reach the sink only while every venue
 * before it has a stale book for that instrument (no tick or confirmation for longer than {@code staleAfter}, the
 * contracts' crypto bound), so the secondary takes over when the primary goes quiet and the primary takes over again
 * with its first fresh quote. Every quote passes the {@link BadTickFilter} first, which also uses the standby
 * venues' quotes as the cross-venue reference.
 */
public final class CryptoFeed implements FeedSource {
    public static final String FAILOVERS = "failovers";
    public static final String RECOVERIES = "recoveries";

    private final String name;
    private final List<FeedSource> venues;
    private final BadTickFilter filter;
    private final Duration staleAfter;
    private final Clock clock;
    private final VenueCounters counters;
    /** Per instrument, per venue index: when that venue last delivered or confirmed the book. */
    private final Map<String, Instant[]> confirmedAt = new HashMap<>();
    private final Map<String, Integer> active = new HashMap<>();
    private TickSink sink;

    public CryptoFeed(String name, List<FeedSource> venues, BadTickFilter filter, Duration staleAfter, Clock clock,
                      VenueCounters counters) {
        if (venues.isEmpty()) {
            throw new IllegalArgumentException("at least one venue");
        }
        this.name = name;
        this.venues = List.copyOf(venues);
        this.filter = filter;
        this.staleAfter = staleAfter;
        this.clock = clock;
        this.counters = counters;
    }

    /** Primary with an optional secondary. */
    public CryptoFeed(String name, FeedSource primary, FeedSource secondary, BadTickFilter filter,
                      Duration staleAfter, Clock clock, VenueCounters counters) {
        this(name, secondary == null ? List.of(primary) : List.of(primary, secondary), filter, staleAfter, clock,
                counters);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void start(TickSink target) {
        this.sink = target;
        for (int i = 0; i < venues.size(); i++) {
            venues.get(i).start(new VenueSink(i));
        }
    }

    @Override
    public void stop() {
        venues.forEach(FeedSource::stop);
    }

    /** Which venue currently feeds the instrument (for the status endpoint and tests). */
    public synchronized String activeVenue(String instrument) {
        return venues.get(active.getOrDefault(instrument, 0)).name();
    }

    @Override
    public FeedStatus status() {
        Map<String, Long> all = new TreeMap<>(counters.snapshot());
        Instant last = null;
        long reconnects = 0;
        List<String> states = new ArrayList<>();
        for (FeedSource venue : venues) {
            FeedStatus s = venue.status();
            s.counters().forEach((k, v) -> all.put(s.source() + "." + k, v));
            reconnects += s.reconnects();
            states.add(s.state());
            if (last == null || (s.lastMessageAt() != null && s.lastMessageAt().isAfter(last))) {
                last = s.lastMessageAt();
            }
        }
        String state = states.contains("CONNECTED") ? "CONNECTED" : states.getFirst();
        return new FeedStatus(name, state, last, reconnects, all);
    }

    private synchronized void tick(int venue, MarketTick tick) {
        if (!filter.accept(tick)) {
            return;
        }
        if (route(venue, tick.instrument(), tick.receivedTs())) {
            sink.tick(tick);
        }
    }

    /**
     * A confirmation vouches for the venue's own book, which the sink holds only if that venue is the active one; a
     * standby venue's confirmation is ignored (it takes over with a quote, never with a bare confirmation).
     */
    private synchronized void confirmed(int venue, String instrument, Instant receivedTs) {
        if (active.getOrDefault(instrument, 0) != venue || confirmedAt.get(instrument) == null) {
            return;
        }
        if (route(venue, instrument, receivedTs)) {
            sink.confirmed(instrument, receivedTs);
        }
    }

    /** Records the venue's life for the instrument and says whether it is the one to forward. */
    private boolean route(int venue, String instrument, Instant receivedTs) {
        Instant[] at = confirmedAt.computeIfAbsent(instrument, k -> new Instant[venues.size()]);
        at[venue] = receivedTs;
        Instant now = latest(receivedTs);
        int chosen = venue;
        for (int i = 0; i < venue; i++) {
            if (at[i] != null && Duration.between(at[i], now).compareTo(staleAfter) <= 0) {
                chosen = i;
                break;
            }
        }
        if (chosen != venue) {
            return false;
        }
        Integer previous = active.put(instrument, venue);
        int before = previous == null ? 0 : previous;
        if (venue > before) {
            counters.increment(FAILOVERS);
        } else if (venue < before) {
            counters.increment(RECOVERIES);
        }
        return true;
    }

    private Instant latest(Instant receivedTs) {
        Instant now = clock.instant();
        return receivedTs != null && receivedTs.isAfter(now) ? receivedTs : now;
    }

    /** What one venue delivers, routed through the filter and the failover decision. */
    private final class VenueSink implements TickSink {
        private final int venue;

        VenueSink(int venue) {
            this.venue = venue;
        }

        @Override
        public void tick(MarketTick tick) {
            CryptoFeed.this.tick(venue, tick);
        }

        @Override
        public void confirmed(String instrument, Instant receivedTs) {
            CryptoFeed.this.confirmed(venue, instrument, Objects.requireNonNull(receivedTs));
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

    @Override
    public String toString() {
        return name + Arrays.toString(venues.stream().map(FeedSource::name).toArray());
    }
}
