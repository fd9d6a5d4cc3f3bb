package com.vaticprop.marketdata.venue.polymarket;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.WebSocketFeedSource;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Which Polymarket tokens to follow and what state their markets are in. Configured condition ids are expanded to
 * their tokens through the CLOB API once at start (before the socket subscribes), then the followed tokens' markets
 * are polled on Gamma: a change of OPEN/CLOSED/HALTED is published once per change, a resolution once. The socket's
 * {@code market_resolved} covers the fast path; this poll covers markets that resolved while we were disconnected
 * and closes or halts that the channel does not announce.
 */
public final class PolymarketMarketWatcher implements WebSocketFeedSource.Companion {
    private static final Logger log = LoggerFactory.getLogger(PolymarketMarketWatcher.class);

    private final PolymarketRestClient rest;
    private final List<String> conditionIds;
    private final PolymarketAssets assets;
    private final Duration interval;
    private final Clock clock;
    private final VenueCounters counters;
    private final Map<String, MarketStatusChanged.Status> statuses = new HashMap<>();
    private final Set<String> resolved = new HashSet<>();
    private ScheduledFuture<?> poll;

    public PolymarketMarketWatcher(PolymarketRestClient rest, List<String> conditionIds, PolymarketAssets assets,
                                   Duration interval, Clock clock, VenueCounters counters) {
        this.rest = rest;
        this.conditionIds = List.copyOf(conditionIds);
        this.assets = assets;
        this.interval = interval;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public void start(TickSink sink, ScheduledExecutorService scheduler) {
        discover();
        poll = scheduler.scheduleWithFixedDelay(() -> pollOnce(sink), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
    }

    /** Expands configured condition ids into tokens to subscribe. */
    void discover() {
        for (String conditionId : conditionIds) {
            try {
                rest.clobMarket(conditionId).ifPresentOrElse(
                        market -> market.tokens().forEach(t -> assets.add(t.tokenId())),
                        () -> log.warn("polymarket: unknown condition id {}", conditionId));
            } catch (Exception e) {
                counters.increment("restErrors");
                log.warn("polymarket: discovery of {} failed: {}", conditionId, e.toString());
            }
        }
    }

    synchronized void pollOnce(TickSink sink) {
        List<String> tokens = new ArrayList<>(assets.ids());
        if (tokens.isEmpty()) {
            return;
        }
        try {
            Instant now = clock.instant();
            for (PolymarketMarket market : rest.gammaMarketsByToken(tokens)) {
                for (PolymarketMarket.Token token : market.tokens()) {
                    if (!assets.ids().contains(token.tokenId())) {
                        continue;
                    }
                    String instrument = PolymarketFrameParser.instrument(token.tokenId());
                    if (statuses.put(instrument, market.status()) != market.status()) {
                        sink.status(new MarketStatusChanged(instrument, market.status(), now));
                    }
                    if (market.resolved() && token.settlement() != null && resolved.add(instrument)) {
                        sink.resolution(new MarketResolution(instrument, token.settlement(), false, now,
                                "polymarket-gamma"));
                    }
                }
            }
        } catch (Exception e) {
            counters.increment("restErrors");
            log.warn("polymarket: status poll failed: {}", e.toString());
        }
    }
}
