package com.vaticprop.marketdata.venue.kraken;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Kraken WS v2 public ticker (optional third crypto venue). Kraken sends a heartbeat every second while subscribed,
 * so 10 s of silence means a dead socket; no client ping is needed.
 */
public final class KrakenFeed {
    public static final URI ENDPOINT = URI.create("wss://ws.kraken.com/v2");

    private KrakenFeed() {
    }

    public static ConnectionSettings defaultSettings() {
        return ConnectionSettings.defaults(ENDPOINT).withSilenceTimeout(Duration.ofSeconds(10)).withSendRate(4, 4);
    }

    public static WebSocketFeedSource create(ConnectionSettings settings, List<String> instruments, Clock clock,
                                             ScheduledExecutorService scheduler) {
        VenueCounters counters = new VenueCounters();
        return new WebSocketFeedSource(KrakenFrameParser.VENUE, settings, new Protocol(instruments, counters),
                counters, List.of(), clock, scheduler);
    }

    /** Subscribe message and frame handling. */
    static final class Protocol implements VenueProtocol {
        private final List<String> symbols;
        private final KrakenFrameParser parser;

        Protocol(List<String> instruments, VenueCounters counters) {
            this.symbols = instruments.stream().map(i -> i.replace('-', '/')).toList();
            this.parser = new KrakenFrameParser(counters);
        }

        @Override
        public List<String> subscribeMessages() {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("channel", "ticker");
            params.put("symbol", symbols);
            return List.of(Json.object("method", "subscribe", "params", params));
        }

        @Override
        public void onConnected(VenueControl control) {
            parser.reset();
        }

        @Override
        public void onText(String frame, Instant receivedTs, TickSink sink) {
            parser.parse(frame, receivedTs, sink);
        }
    }
}
