package com.vaticprop.marketdata.venue.kalshi;

import com.vaticprop.marketdata.venue.connection.LocalHttpServer;
import com.vaticprop.marketdata.venue.connection.LocalWebSocketServer;
import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.WebSocketFeedSource;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static com.vaticprop.marketdata.venue.connection.WireSamples.load;
import static org.assertj.core.api.Assertions.assertThat;

/** The Kalshi connector against a local server that checks the signed handshake the way Kalshi does. */
class KalshiConnectorTest {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final String PATH = "/trade-api/ws/v2";
    static final String TICKER = "FED-23DEC-T3.00";

    LocalWebSocketServer ws;
    LocalHttpServer rest;
    ScheduledExecutorService scheduler;
    WebSocketFeedSource source;
    final RecordingSink sink = new RecordingSink();
    final VenueCounters counters = new VenueCounters();

    @BeforeEach
    void start() throws Exception {
        ws = new LocalWebSocketServer();
        rest = new LocalHttpServer();
        scheduler = Executors.newScheduledThreadPool(2);
        ws.admission(h -> {
            String ts = h.header("KALSHI-ACCESS-TIMESTAMP");
            boolean fresh = ts != null && Math.abs(System.currentTimeMillis() - Long.parseLong(ts)) < 30_000;
            boolean known = "key-1".equals(h.header("KALSHI-ACCESS-KEY"));
            return fresh && known && KalshiSignerTest.verifies(KalshiSignerTest.KEYS, ts, h.method(), h.path(),
                    h.header("KALSHI-ACCESS-SIGNATURE")) ? 101 : 401;
        });
    }

    @AfterEach
    void stop() throws Exception {
        if (source != null) {
            source.stop();
        }
        scheduler.shutdownNow();
        ws.close();
        rest.close();
    }

    WebSocketFeedSource connector(java.security.KeyPair keys, KalshiMarketWatcher watcher) {
        return KalshiFeed.create(KalshiFeed.defaultSettings().withUri(ws.uri(PATH))
                        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).withSendRate(50, 5),
                KalshiSigner.fromPem("key-1", KalshiSignerTest.pkcs8Pem(keys)), List.of(TICKER), watcher, counters,
                Clock.systemUTC(), scheduler);
    }

    @Test
    void signedHandshakeIsAcceptedAndBothChannelsSubscribed() throws Exception {
        source = connector(KalshiSignerTest.KEYS, null);
        source.start(sink);
        LocalWebSocketServer.Session session = ws.nextSession(WAIT);
        assertThat(session.handshake().header("KALSHI-ACCESS-KEY")).isEqualTo("key-1");
        assertThat(session.nextText(WAIT)).isEqualTo("{\"id\":1,\"cmd\":\"subscribe\",\"params\":"
                + "{\"channels\":[\"orderbook_delta\"],\"market_tickers\":[\"FED-23DEC-T3.00\"]}}");
        assertThat(session.nextText(WAIT)).isEqualTo("{\"id\":2,\"cmd\":\"subscribe\",\"params\":"
                + "{\"channels\":[\"ticker\"],\"market_tickers\":[\"FED-23DEC-T3.00\"]}}");
        session.sendPing("heartbeat");
        assertThat(session.nextPong(WAIT)).isEqualTo("heartbeat");
        session.sendText(load("kalshi-orderbook-snapshot.json"));
        sink.awaitTick(t -> t.instrument().equals("KALSHI:FED-23DEC-T3.00:NO"), WAIT);
    }

    @Test
    void aBadSignatureIsRefusedWith401AndCounted() throws Exception {
        source = connector(KalshiSignerTest.generate(), null);
        source.start(sink);
        ws.nextHandshake(WAIT);
        ws.nextHandshake(WAIT);
        RecordingSink.await(() -> counters.get(VenueCounters.HANDSHAKE_FAILURES) >= 2, WAIT);
        assertThat(source.status().state()).isEqualTo("RECONNECTING");
        assertThat(source.connection().lastError()).contains("401");
    }

    @Test
    void aSeqGapResubscribesAndTheFreshSnapshotRebuildsTheBook() throws Exception {
        source = connector(KalshiSignerTest.KEYS, null);
        source.start(sink);
        LocalWebSocketServer.Session session = ws.nextSession(WAIT);
        session.nextText(WAIT);
        session.nextText(WAIT);
        session.sendText(load("kalshi-orderbook-snapshot.json"));
        session.sendText(load("kalshi-orderbook-delta.json").replace("\"seq\":3", "\"seq\":4"));
        assertThat(session.nextText(WAIT)).isEqualTo("{\"id\":3,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[2]}}");
        assertThat(session.nextText(WAIT)).contains("\"cmd\":\"subscribe\"").contains("orderbook_delta");
        session.sendText(load("kalshi-orderbook-snapshot.json").replace("\"sid\":2,\"seq\":2", "\"sid\":3,\"seq\":1")
                .replace("\"0.2200\"", "\"0.2500\""));
        sink.awaitTick(t -> t.bid().compareTo(new BigDecimal("0.25")) == 0, WAIT);
        assertThat(counters.get(VenueCounters.GAPS)).isEqualTo(1);
        assertThat(source.status().reconnects()).isZero();
    }

    @Test
    void reconnectSignsAgainAndResubscribes() throws Exception {
        source = connector(KalshiSignerTest.KEYS, null);
        source.start(sink);
        LocalWebSocketServer.Session first = ws.nextSession(WAIT);
        first.nextText(WAIT);
        String firstTs = first.handshake().header("KALSHI-ACCESS-TIMESTAMP");
        Thread.sleep(5);
        first.drop();
        LocalWebSocketServer.Session second = ws.nextSession(WAIT);
        assertThat(second.handshake().header("KALSHI-ACCESS-TIMESTAMP")).isNotEqualTo(firstTs);
        assertThat(second.nextText(WAIT)).contains("orderbook_delta");
        assertThat(second.nextText(WAIT)).contains("ticker");
    }

    @Test
    void statusAndSettlementComeFromTheRestApi() throws Exception {
        String active = load("kalshi-market.json").replace("KXGDPSHAREMANU-29\",\n    \"title", TICKER + "\",\n    \"title");
        rest.answer("/trade-api/v2/markets/" + TICKER, active);
        KalshiMarketWatcher watcher = new KalshiMarketWatcher(new KalshiRestClient(HttpClient.newHttpClient(),
                rest.uri(), Duration.ofSeconds(2)), List.of(TICKER), Duration.ofMillis(50), Clock.systemUTC(),
                counters);
        source = connector(KalshiSignerTest.KEYS, watcher);
        source.start(sink);
        RecordingSink.await(() -> sink.statuses.size() == 2, WAIT);
        assertThat(sink.statuses).extracting(MarketStatusChanged::status)
                .containsOnly(MarketStatusChanged.Status.OPEN);
        rest.answer("/trade-api/v2/markets/" + TICKER, active.replace("\"status\": \"active\"", "\"status\": \"determined\"")
                .replace("\"result\": \"\"", "\"result\": \"yes\""));
        RecordingSink.await(() -> sink.statuses.size() == 4, WAIT);
        assertThat(sink.resolutions).isEmpty();
        rest.answer("/trade-api/v2/markets/" + TICKER, active.replace("\"status\": \"active\"", "\"status\": \"finalized\"")
                .replace("\"result\": \"\"", "\"result\": \"no\""));
        RecordingSink.await(() -> sink.resolutions.size() == 2, WAIT);
        assertThat(sink.resolutions).extracting(MarketResolution::instrument, MarketResolution::settlementPrice)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("KALSHI:" + TICKER + ":YES", BigDecimal.ZERO),
                        org.assertj.core.groups.Tuple.tuple("KALSHI:" + TICKER + ":NO", BigDecimal.ONE));
        Thread.sleep(200);
        assertThat(sink.resolutions).hasSize(2);
        assertThat(sink.statuses).hasSize(4);
        assertThat(Instant.now()).isAfter(sink.resolutions.get(0).resolvedAt().minusSeconds(1));
    }
}
