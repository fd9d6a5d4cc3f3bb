package com.vaticprop.marketdata.venue.kraken;

import com.vaticprop.marketdata.venue.connection.LocalWebSocketServer;
import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.WebSocketFeedSource;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static com.vaticprop.marketdata.venue.connection.WireSamples.load;
import static org.assertj.core.api.Assertions.assertThat;

class KrakenFeedTest {
    static final Instant RECEIVED = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(5);

    final VenueCounters counters = new VenueCounters();
    final KrakenFrameParser parser = new KrakenFrameParser(counters);
    final RecordingSink sink = new RecordingSink();

    /** The documented samples quote ALGO/USD; the same frames with a symbol we follow. */
    static String asBtc(String sample) {
        return sample.replace("ALGO/USD", "BTC/USD");
    }

    @Test
    void tickerNumbersAreReadExactlyNeverThroughADouble() {
        parser.parse(asBtc(load("kraken-ticker-snapshot.json")), RECEIVED, sink);
        assertThat(sink.ticks).containsExactly(new MarketTick("BTC-USD", "kraken", new BigDecimal("0.10025"),
                new BigDecimal("0.10036"), new BigDecimal("740.0"), new BigDecimal("1361.44813783"),
                new BigDecimal("0.10035"), null, RECEIVED, RECEIVED, null));
        parser.parse(asBtc(load("kraken-ticker-update.json")), RECEIVED, sink);
        assertThat(sink.last().venueTs()).isEqualTo(Instant.parse("2023-09-25T09:04:31.742648Z"));
        assertThat(sink.last().ask()).isEqualTo(new BigDecimal("0.10035"));
    }

    @Test
    void heartbeatConfirmsWhatThisConnectionQuotes() {
        parser.parse("{\"channel\":\"heartbeat\"}", RECEIVED, sink);
        assertThat(sink.confirmations).isEmpty();
        parser.parse(asBtc(load("kraken-ticker-snapshot.json")), RECEIVED, sink);
        parser.parse("{\"channel\":\"heartbeat\"}", RECEIVED, sink);
        assertThat(sink.confirmations).containsExactly("BTC-USD");
    }

    @Test
    void acksErrorsUnknownAndBadFramesAreCounted() {
        parser.parse(load("kraken-ticker-snapshot.json"), RECEIVED, sink);
        parser.parse(load("kraken-trade-snapshot.json"), RECEIVED, sink);
        parser.parse("{\"method\":\"subscribe\",\"result\":{\"channel\":\"ticker\",\"symbol\":\"BTC/USD\"},"
                + "\"success\":true,\"time_in\":\"2023-09-25T09:04:31.742599Z\"}", RECEIVED, sink);
        parser.parse("{\"method\":\"subscribe\",\"error\":\"Currency pair not supported\",\"success\":false}",
                RECEIVED, sink);
        parser.parse(asBtc(load("kraken-ticker-snapshot.json")).replace("0.10025", "0.2"), RECEIVED, sink);
        parser.parse(asBtc(load("kraken-ticker-snapshot.json")).substring(0, 60), RECEIVED, sink);
        parser.parse("{\"channel\":\"status\",\"type\":\"update\",\"data\":[{\"system\":\"online\"}]}", RECEIVED, sink);
        assertThat(sink.ticks).isEmpty();
        assertThat(counters.snapshot()).containsEntry(VenueCounters.UNKNOWN_FRAMES, 2L)
                .containsEntry("acks", 1L).containsEntry(VenueCounters.VENUE_ERRORS, 1L)
                .containsEntry(VenueCounters.OUT_OF_RANGE, 1L).containsEntry(VenueCounters.PARSE_ERRORS, 1L)
                .containsEntry("ignored", 1L);
    }

    @Test
    void subscribesOnEveryConnect() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (LocalWebSocketServer server = new LocalWebSocketServer()) {
            WebSocketFeedSource source = KrakenFeed.create(KrakenFeed.defaultSettings().withUri(server.uri("/v2"))
                            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).withSendRate(50, 5),
                    List.of("BTC-USD", "ETH-USD"), Clock.systemUTC(), scheduler);
            RecordingSink live = new RecordingSink();
            source.start(live);
            try {
                LocalWebSocketServer.Session first = server.nextSession(WAIT);
                String subscribe = "{\"method\":\"subscribe\",\"params\":{\"channel\":\"ticker\","
                        + "\"symbol\":[\"BTC/USD\",\"ETH/USD\"]}}";
                assertThat(first.nextText(WAIT)).isEqualTo(subscribe);
                first.sendText(asBtc(load("kraken-ticker-snapshot.json")));
                live.awaitTick(t -> t.instrument().equals("BTC-USD"), WAIT);
                first.drop();
                assertThat(server.nextSession(WAIT).nextText(WAIT)).isEqualTo(subscribe);
            } finally {
                source.stop();
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
