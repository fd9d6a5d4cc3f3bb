package com.vaticprop.marketdata.venue.polymarket;

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
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static com.vaticprop.marketdata.venue.connection.WireSamples.load;
import static org.assertj.core.api.Assertions.assertThat;

/** The Polymarket connector against a local market channel and local CLOB/Gamma REST servers. */
class PolymarketConnectorTest {
    static final Duration WAIT = Duration.ofSeconds(5);
    static final String CONDITION = "0x396cff35d0089be0dd7a31c3dd8893dba91087cb204f36fd596ea8e176c8194f";
    static final String CLOB_YES = "56301394996158099288337148092833602815489233233695788581935629307696915237267";
    static final String CLOB_NO = "24020800886044361928297303482313439338060103716147186009149855318565271604084";

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

    WebSocketFeedSource connector(List<String> assetIds, List<String> conditionIds, Duration silence) {
        PolymarketAssets assets = new PolymarketAssets(assetIds);
        PolymarketRestClient client = new PolymarketRestClient(HttpClient.newHttpClient(), rest.uri(), rest.uri(),
                Duration.ofSeconds(2));
        PolymarketMarketWatcher watcher = new PolymarketMarketWatcher(client, conditionIds, assets,
                Duration.ofMillis(100), Clock.systemUTC(), counters);
        return PolymarketFeed.create(PolymarketFeed.defaultSettings().withUri(ws.uri("/ws/market"))
                        .withKeepaliveInterval(Duration.ofMillis(100)).withSilenceTimeout(silence)
                        .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)),
                assets, watcher, counters, Clock.systemUTC(), scheduler);
    }

    @Test
    void aRecordedSessionReplaysThroughTheSameParserToTheSameTicks(@org.junit.jupiter.api.io.TempDir
                                                                  java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("polymarket.jsonl");
        var recorder = new com.vaticprop.marketdata.replay.JsonlFrameRecorder(file);
        source = connector(List.of(PolymarketFrameParserTest.YES), List.of(), Duration.ofSeconds(10));
        source.recordTo(recorder);
        source.start(sink);
        LocalWebSocketServer.Session session = ws.nextSession(WAIT);
        session.nextText(WAIT);
        session.sendText(PolymarketFrameParserTest.emptyBook(PolymarketFrameParserTest.YES)
                .replace("\"bids\":[]", "\"bids\":[{\"price\":\"0.40\",\"size\":\"100\"}]")
                .replace("\"asks\":[]", "\"asks\":[{\"price\":\"0.45\",\"size\":\"50\"}]"));
        RecordingSink.await(() -> sink.ticks.size() >= 1, WAIT);
        session.sendText(PolymarketFrameParserTest.emptyBook(PolymarketFrameParserTest.YES)
                .replace("\"bids\":[]", "\"bids\":[{\"price\":\"0.41\",\"size\":\"10\"}]")
                .replace("\"asks\":[]", "\"asks\":[{\"price\":\"0.44\",\"size\":\"20\"}]"));
        RecordingSink.await(() -> sink.ticks.size() >= 2, WAIT);
        source.stop();
        source = null;
        recorder.close();
        assertThat(java.nio.file.Files.readAllLines(file)).isNotEmpty().allSatisfy(line ->
                assertThat(line).contains("\"polymarket\""));

        RecordingSink replayed = new RecordingSink();
        var replay = new com.vaticprop.marketdata.replay.ReplayFeed("replay", file, List.of(
                com.vaticprop.marketdata.venue.VenueReplayParsers.polymarket()), 0);
        replay.start(replayed);
        RecordingSink.await(() -> replayed.ticks.size() >= sink.ticks.size(), WAIT);
        replay.stop();
        assertThat(replayed.ticks).isEqualTo(sink.ticks);
    }

    @Test
    void subscribesByAssetIdsSendsPingsAndStreamsBooks() throws Exception {
        source = connector(List.of(PolymarketFrameParserTest.BOOK_ASSET), List.of(), Duration.ofSeconds(10));
        source.start(sink);
        LocalWebSocketServer.Session session = ws.nextSession(WAIT);
        assertThat(session.handshake().path()).isEqualTo("/ws/market");
        assertThat(session.nextText(WAIT)).isEqualTo("{\"assets_ids\":[\""
                + PolymarketFrameParserTest.BOOK_ASSET + "\"],\"type\":\"market\",\"custom_feature_enabled\":true}");
        assertThat(session.nextText(WAIT)).isEqualTo("PING");
        session.sendText("PONG");
        session.sendText("[" + load("polymarket-book.json") + "]");
        sink.awaitTick(t -> t.bid().compareTo(new BigDecimal("0.5")) == 0, WAIT);
        RecordingSink.await(() -> counters.get("pongs") == 1, WAIT);
    }

    @Test
    void discoversTokensFromConditionIdsAndPublishesStatusAndSettlementFromGamma() throws Exception {
        rest.answer("/markets/" + CONDITION, load("clob-market.json"));
        String gamma = load("gamma-market.json");
        String gammaForTokens = "[" + gamma.replace("111921395645355300487518569145849548118782457875824781317525262592604421091895", CLOB_YES)
                .replace("63900173641965756847547093054309931316785483274507634668979439177621966623897", CLOB_NO) + "]";
        rest.answer("/markets?clob_token_ids=" + CLOB_YES + "&clob_token_ids=" + CLOB_NO, gammaForTokens);
        rest.answer("/markets?clob_token_ids=" + CLOB_NO + "&clob_token_ids=" + CLOB_YES, gammaForTokens);
        source = connector(List.of(), List.of(CONDITION), Duration.ofSeconds(10));
        source.start(sink);
        String subscribe = ws.nextSession(WAIT).nextText(WAIT);
        assertThat(subscribe).contains(CLOB_YES).contains(CLOB_NO);
        RecordingSink.await(() -> sink.resolutions.size() == 2, WAIT);
        assertThat(sink.resolutions).extracting(MarketResolution::instrument, MarketResolution::settlementPrice)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("POLY:" + CLOB_YES, BigDecimal.ZERO),
                        org.assertj.core.groups.Tuple.tuple("POLY:" + CLOB_NO, BigDecimal.ONE));
        assertThat(sink.statuses).extracting(MarketStatusChanged::status)
                .containsOnly(MarketStatusChanged.Status.CLOSED);
        Thread.sleep(300);
        assertThat(sink.resolutions).hasSize(2);
        assertThat(sink.statuses).hasSize(2);
    }

    @Test
    void aBookOutOfSyncTriggersReconnectResubscribeAndFreshSnapshot() throws Exception {
        source = connector(List.of(PolymarketFrameParserTest.YES), List.of(), Duration.ofSeconds(10));
        source.start(sink);
        LocalWebSocketServer.Session first = ws.nextSession(WAIT);
        first.nextText(WAIT);
        first.sendText(PolymarketFrameParserTest.emptyBook(PolymarketFrameParserTest.YES)
                .replace("\"asks\":[]", "\"asks\":[{\"price\":\"0.9\",\"size\":\"1\"}]"));
        first.sendText(load("polymarket-price-change.json"));
        LocalWebSocketServer.Session second = ws.nextSession(WAIT);
        assertThat(second.nextText(WAIT)).contains("\"assets_ids\"");
        second.sendText(PolymarketFrameParserTest.emptyBook(PolymarketFrameParserTest.YES));
        sink.awaitTick(t -> t.ask().compareTo(BigDecimal.ONE) == 0, WAIT);
        assertThat(counters.get(VenueCounters.GAPS)).isEqualTo(1);
        assertThat(source.status().reconnects()).isEqualTo(1);
    }

    @Test
    void silenceReconnectsAndResubscribes() throws Exception {
        source = connector(List.of(PolymarketFrameParserTest.YES), List.of(), Duration.ofMillis(250));
        source.start(sink);
        LocalWebSocketServer.Session first = ws.nextSession(WAIT);
        first.nextText(WAIT);
        LocalWebSocketServer.Session second = ws.nextSession(WAIT);
        assertThat(second.nextText(WAIT)).contains("\"assets_ids\"");
        assertThat(counters.get(VenueCounters.WATCHDOG_RECONNECTS)).isGreaterThanOrEqualTo(1);
    }
}
