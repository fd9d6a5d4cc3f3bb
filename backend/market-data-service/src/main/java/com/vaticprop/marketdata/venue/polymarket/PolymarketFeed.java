package com.vaticprop.marketdata.venue.polymarket;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.Json;
import com.vaticprop.marketdata.venue.VenueControl;
import com.vaticprop.marketdata.venue.connection.ConnectionSettings;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.VenueProtocol;
import com.vaticprop.marketdata.venue.connection.WebSocketFeedSource;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the Polymarket connector: the market channel socket plus the REST market watcher.
 *
 * <p>The channel expects the client to send the text {@code PING} every 10 s and answers {@code PONG}; a socket
 * without it is closed by the venue. {@code custom_feature_enabled} is set so {@code best_bid_ask} and
 * {@code market_resolved} arrive.
 */
public final class PolymarketFeed {
    public static final URI ENDPOINT = URI.create("wss://ws-subscriptions-clob.polymarket.com/ws/market");

    private PolymarketFeed() {
    }

    public static ConnectionSettings defaultSettings() {
        return ConnectionSettings.defaults(ENDPOINT).withKeepaliveInterval(Duration.ofSeconds(10))
                .withSilenceTimeout(Duration.ofSeconds(30)).withSendRate(5, 5);
    }

    public static WebSocketFeedSource create(ConnectionSettings settings, PolymarketAssets assets,
                                             PolymarketMarketWatcher watcher, VenueCounters counters, Clock clock,
                                             ScheduledExecutorService scheduler) {
        return new WebSocketFeedSource(PolymarketFrameParser.VENUE, settings, new Protocol(assets, counters),
                counters, watcher == null ? List.of() : List.of(watcher), clock, scheduler);
    }

    /** Subscribe by asset ids, PING keepalive, frames to the parser. */
    static final class Protocol implements VenueProtocol {
        private final PolymarketAssets assets;
        private final PolymarketFrameParser parser;

        Protocol(PolymarketAssets assets, VenueCounters counters) {
            this.assets = assets;
            this.parser = new PolymarketFrameParser(counters);
        }

        @Override
        public List<String> subscribeMessages() {
            return List.of(Json.object("assets_ids", assets.list(), "type", "market",
                    "custom_feature_enabled", true));
        }

        @Override
        public Optional<String> keepaliveText() {
            return Optional.of("PING");
        }

        @Override
        public void onConnected(VenueControl control) {
            parser.reset();
            parser.control(control);
        }

        @Override
        public void onText(String frame, Instant receivedTs, TickSink sink) {
            parser.parse(frame, receivedTs, sink);
        }
    }
}
