package com.vaticprop.marketdata.venue.coinbase;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.Json;
import com.vaticprop.marketdata.venue.connection.ConnectionSettings;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.VenueProtocol;
import com.vaticprop.marketdata.venue.connection.WebSocketFeedSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Coinbase Exchange public feed: one subscribe message for the {@code ticker} channel plus {@code heartbeat} (one
 * frame per product per second), which keeps a quiet book confirmed and gives the watchdog something to watch.
 */
public final class CoinbaseFeed {
    public static final URI ENDPOINT = URI.create("wss://ws-feed.exchange.coinbase.com");

    private CoinbaseFeed() {
    }

    public static ConnectionSettings defaultSettings() {
        return ConnectionSettings.defaults(ENDPOINT).withSilenceTimeout(Duration.ofSeconds(10)).withSendRate(4, 4);
    }

    public static WebSocketFeedSource create(ConnectionSettings settings, List<String> instruments, Clock clock,
                                             ScheduledExecutorService scheduler) {
        VenueCounters counters = new VenueCounters();
        return new WebSocketFeedSource(CoinbaseFrameParser.VENUE, settings, new Protocol(instruments, counters),
                counters, List.of(), clock, scheduler);
    }

    /** Subscribe message and frame handling. */
    static final class Protocol implements VenueProtocol {
        private final List<String> instruments;
        private final CoinbaseFrameParser parser;

        Protocol(List<String> instruments, VenueCounters counters) {
            this.instruments = List.copyOf(instruments);
            this.parser = new CoinbaseFrameParser(counters);
        }

        @Override
        public List<String> subscribeMessages() {
            return List.of(Json.object("type", "subscribe", "product_ids", instruments,
                    "channels", List.of("ticker", "heartbeat")));
        }

        @Override
        public void onText(String frame, Instant receivedTs, TickSink sink) {
            parser.parse(frame, receivedTs, sink);
        }
    }
}
