package com.vaticprop.marketdata.venue.coinbase;

import com.vaticprop.marketdata.venue.connection.LocalWebSocketServer;
import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.WebSocketFeedSource;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static com.vaticprop.marketdata.venue.connection.WireSamples.load;
import static org.assertj.core.api.Assertions.assertThat;

/** The Coinbase connector against a local server: subscribe, ticker, heartbeat, disconnect and resubscribe. */
class CoinbaseConnectorTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void subscribesStreamsAndResubscribesAfterADrop() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (LocalWebSocketServer server = new LocalWebSocketServer()) {
            WebSocketFeedSource source = CoinbaseFeed.create(CoinbaseFeed.defaultSettings().withUri(server.uri("/"))
                            .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).withSendRate(50, 5),
                    List.of("ETH-USD", "BTC-USD"), Clock.systemUTC(), scheduler);
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            try {
                LocalWebSocketServer.Session first = server.nextSession(WAIT);
                String subscribe = "{\"type\":\"subscribe\",\"product_ids\":[\"ETH-USD\",\"BTC-USD\"],"
                        + "\"channels\":[\"ticker\",\"heartbeat\"]}";
                assertThat(first.nextText(WAIT)).isEqualTo(subscribe);
                first.sendText(load("coinbase-ticker.json"));
                first.sendText(load("coinbase-heartbeat.json"));
                first.sendText(load("coinbase-match.json"));
                sink.awaitTick(t -> t.instrument().equals("ETH-USD"), WAIT);
                RecordingSink.await(() -> sink.confirmations.contains("BTC-USD"), WAIT);
                RecordingSink.await(() -> source.counters().get(VenueCounters.UNKNOWN_FRAMES) == 1, WAIT);
                first.drop();
                LocalWebSocketServer.Session second = server.nextSession(WAIT);
                assertThat(second.nextText(WAIT)).isEqualTo(subscribe);
                assertThat(source.status().reconnects()).isEqualTo(1);
            } finally {
                source.stop();
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
