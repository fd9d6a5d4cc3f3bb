package com.vaticprop.marketdata.venue.binance;

import com.vaticprop.marketdata.venue.connection.ConnectionSettings;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.WebSocketFeedSource;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** Builds the Binance spot connector. */
public final class BinanceFeed {
    public static final URI ENDPOINT = URI.create("wss://data-stream.binance.vision/stream");

    private BinanceFeed() {
    }

    /**
     * Defaults: Binance pings every 20 s, so 60 s of silence means the socket is gone; 4 outbound messages a second
     * stays under its limit of 5.
     */
    public static ConnectionSettings defaultSettings() {
        return ConnectionSettings.defaults(ENDPOINT).withSilenceTimeout(java.time.Duration.ofSeconds(60))
                .withSendRate(4, 4);
    }

    public static WebSocketFeedSource create(ConnectionSettings settings, List<String> instruments, Clock clock,
                                             ScheduledExecutorService scheduler) {
        VenueCounters counters = new VenueCounters();
        return new WebSocketFeedSource(BinanceFrameParser.VENUE, settings, new BinanceProtocol(instruments, counters),
                counters, List.of(), clock, scheduler);
    }
}
