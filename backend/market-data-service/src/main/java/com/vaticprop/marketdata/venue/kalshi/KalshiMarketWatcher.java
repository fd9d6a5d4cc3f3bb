package com.vaticprop.marketdata.venue.kalshi;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.WebSocketFeedSource;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Polls each followed Kalshi market's status and publishes, for both outcome instruments, a status change once per
 * change and the settlement once (YES at the settlement value, NO at its complement; or void).
 */
public final class KalshiMarketWatcher implements WebSocketFeedSource.Companion {
    private static final Logger log = LoggerFactory.getLogger(KalshiMarketWatcher.class);

    private final KalshiRestClient rest;
    private final List<String> tickers;
    private final Duration interval;
    private final Clock clock;
    private final VenueCounters counters;
    private final Map<String, MarketStatusChanged.Status> statuses = new HashMap<>();
    private final Set<String> settled = new HashSet<>();
    private ScheduledFuture<?> poll;

    public KalshiMarketWatcher(KalshiRestClient rest, List<String> tickers, Duration interval, Clock clock,
                               VenueCounters counters) {
        this.rest = rest;
        this.tickers = List.copyOf(tickers);
        this.interval = interval;
        this.clock = clock;
        this.counters = counters;
    }

    @Override
    public void start(TickSink sink, ScheduledExecutorService scheduler) {
        poll = scheduler.scheduleWithFixedDelay(() -> pollOnce(sink), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (poll != null) {
            poll.cancel(false);
        }
    }

    synchronized void pollOnce(TickSink sink) {
        for (String ticker : tickers) {
            try {
                rest.market(ticker).ifPresent(state -> apply(ticker, state, sink));
            } catch (Exception e) {
                counters.increment("restErrors");
                log.warn("kalshi: status of {} failed: {}", ticker, e.toString());
            }
        }
    }

    private void apply(String ticker, KalshiMarketState state, TickSink sink) {
        Instant now = clock.instant();
        String yes = KalshiFrameParser.instrument(ticker, "YES");
        String no = KalshiFrameParser.instrument(ticker, "NO");
        if (statuses.put(ticker, state.status()) != state.status()) {
            sink.status(new MarketStatusChanged(yes, state.status(), now));
            sink.status(new MarketStatusChanged(no, state.status(), now));
        }
        if (!state.finalized() || settled.contains(ticker)) {
            return;
        }
        if (state.voided()) {
            settled.add(ticker);
            sink.resolution(new MarketResolution(yes, null, true, now, "kalshi-rest"));
            sink.resolution(new MarketResolution(no, null, true, now, "kalshi-rest"));
        } else if (state.yesSettlement() != null) {
            settled.add(ticker);
            sink.resolution(new MarketResolution(yes, state.yesSettlement(), false, now, "kalshi-rest"));
            sink.resolution(new MarketResolution(no, BigDecimal.ONE.subtract(state.yesSettlement()), false, now,
                    "kalshi-rest"));
        }
    }
}
