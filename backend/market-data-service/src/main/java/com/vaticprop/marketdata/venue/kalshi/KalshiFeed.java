package com.vaticprop.marketdata.venue.kalshi;

import com.vaticprop.marketdata.feed.TickSink;
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
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Builds the Kalshi connector: the signed WS v2 socket plus the REST market watcher. Kalshi sends a ping frame every
 * 10 s, answered by the client's automatic pong; 30 s of silence means the socket is dead.
 */
public final class KalshiFeed {
    public static final URI ENDPOINT = URI.create("wss://api.elections.kalshi.com/trade-api/ws/v2");

    private KalshiFeed() {
    }

    public static ConnectionSettings defaultSettings() {
        return ConnectionSettings.defaults(ENDPOINT).withSilenceTimeout(Duration.ofSeconds(30)).withSendRate(5, 5);
    }

    public static WebSocketFeedSource create(ConnectionSettings settings, KalshiSigner signer, List<String> tickers,
                                             KalshiMarketWatcher watcher, VenueCounters counters, Clock clock,
                                             ScheduledExecutorService scheduler) {
        Protocol protocol = new Protocol(settings.uri().getPath(), signer, new KalshiCommands(tickers), counters);
        return new WebSocketFeedSource(KalshiFrameParser.VENUE, settings, protocol, counters,
                watcher == null ? List.of() : List.of(watcher), clock, scheduler);
    }

    /** Signs each handshake, subscribes order books and tickers, hands frames to the parser. */
    static final class Protocol implements VenueProtocol {
        private final String path;
        private final KalshiSigner signer;
        private final KalshiCommands commands;
        private final KalshiFrameParser parser;

        Protocol(String path, KalshiSigner signer, KalshiCommands commands, VenueCounters counters) {
            this.path = path;
            this.signer = signer;
            this.commands = commands;
            this.parser = new KalshiFrameParser(counters, commands);
        }

        @Override
        public Map<String, String> handshakeHeaders(Instant now) {
            return signer.headers(now, "GET", path);
        }

        @Override
        public List<String> subscribeMessages() {
            return commands.subscribeAll();
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
