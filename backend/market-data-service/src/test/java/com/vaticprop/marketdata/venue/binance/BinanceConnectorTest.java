package com.vaticprop.marketdata.venue.binance;

import com.vaticprop.marketdata.venue.connection.ConnectionSettings;
import com.vaticprop.marketdata.venue.connection.LocalWebSocketServer;
import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.WebSocketFeedSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

/** The Binance connector against a local WebSocket server speaking Binance's wire format. */
class BinanceConnectorTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    LocalWebSocketServer server;
    ScheduledExecutorService scheduler;
    WebSocketFeedSource source;
    final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void start() throws Exception {
        server = new LocalWebSocketServer();
        scheduler = Executors.newScheduledThreadPool(2);
    }

    @AfterEach
    void stop() throws Exception {
        if (source != null) {
            source.stop();
        }
        scheduler.shutdownNow();
        server.close();
    }

    ConnectionSettings settings(Duration silence) {
        return BinanceFeed.defaultSettings().withUri(server.uri("/stream")).withSilenceTimeout(silence)
                .withBackoff(Duration.ofMillis(20), Duration.ofMillis(100)).withSendRate(50, 5);
    }

    void startSource(Duration silence, List<String> instruments) {
        source = BinanceFeed.create(settings(silence), instruments, Clock.systemUTC(), scheduler);
        source.start(sink);
    }

    @Test
    void subscribesToTradeAndBookTickerStreamsAndStreamsTicks() throws Exception {
        startSource(Duration.ofSeconds(10), List.of("BTC-USD", "ETH-USD"));
        LocalWebSocketServer.Session session = server.nextSession(WAIT);
        assertThat(session.handshake().path()).isEqualTo("/stream");
        assertThat(session.nextText(WAIT)).isEqualTo("{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\","
                + "\"btcusdt@bookTicker\",\"ethusdt@trade\",\"ethusdt@bookTicker\"],\"id\":1}");
        session.sendText("{\"result\":null,\"id\":1}");
        session.sendText(BinanceFrameParserTest.BOOK);
        session.sendFragmented(BinanceFrameParserTest.TRADE_NEW);
        sink.awaitTick(t -> t.last() != null, WAIT);
        assertThat(sink.ticks).hasSize(2);
        assertThat(source.status().state()).isEqualTo("CONNECTED");
        assertThat(source.status().counters()).containsEntry(VenueCounters.MESSAGES, 3L);
    }

    @Test
    void answersServerPingsWithTheSamePayload() throws Exception {
        startSource(Duration.ofSeconds(10), List.of("BTC-USD"));
        LocalWebSocketServer.Session session = server.nextSession(WAIT);
        session.nextText(WAIT);
        session.sendPing("1732536000000");
        assertThat(session.nextPong(WAIT)).isEqualTo("1732536000000");
    }

    @Test
    void serverDisconnectLeadsToReconnectAndResubscribe() throws Exception {
        startSource(Duration.ofSeconds(10), List.of("BTC-USD"));
        LocalWebSocketServer.Session first = server.nextSession(WAIT);
        assertThat(first.nextText(WAIT)).contains("\"id\":1");
        first.drop();
        LocalWebSocketServer.Session second = server.nextSession(WAIT);
        assertThat(second.nextText(WAIT)).isEqualTo(
                "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@trade\",\"btcusdt@bookTicker\"],\"id\":2}");
        second.sendText(BinanceFrameParserTest.BOOK);
        sink.awaitTick(t -> true, WAIT);
        assertThat(source.status().reconnects()).isEqualTo(1);
    }

    @Test
    void silenceTriggersTheWatchdogAndAReconnect() throws Exception {
        startSource(Duration.ofMillis(200), List.of("BTC-USD"));
        LocalWebSocketServer.Session first = server.nextSession(WAIT);
        first.nextText(WAIT);
        LocalWebSocketServer.Session second = server.nextSession(WAIT);
        assertThat(second.nextText(WAIT)).contains("SUBSCRIBE");
        assertThat(source.status().counters().get(VenueCounters.WATCHDOG_RECONNECTS)).isGreaterThanOrEqualTo(1L);
        RecordingSink.await(first::isClosed, WAIT);
    }

    @Test
    void badFramesAreCountedWhileTheStreamContinues() throws Exception {
        startSource(Duration.ofSeconds(10), List.of("BTC-USD"));
        LocalWebSocketServer.Session session = server.nextSession(WAIT);
        session.nextText(WAIT);
        session.sendText("{\"stream\":\"btcusdt@bookTicker\",\"data\":{\"u\":1,");
        session.sendText("{\"stream\":\"btcusdt@depth\",\"data\":{\"e\":\"depthUpdate\"}}");
        session.sendText(BinanceFrameParserTest.BOOK);
        sink.awaitTick(t -> true, WAIT);
        assertThat(source.status().counters()).containsEntry(VenueCounters.PARSE_ERRORS, 1L)
                .containsEntry(VenueCounters.UNKNOWN_FRAMES, 1L);
        assertThat(source.status().reconnects()).isZero();
    }

    @Test
    void manyStreamsAreSubscribedInBatchesWithinTheRateLimit() throws Exception {
        BinanceProtocol protocol = new BinanceProtocol(List.of("BTC-USD", "ETH-USD", "SOL-USD"), new VenueCounters());
        assertThat(protocol.subscribeMessages()).hasSize(1);
        assertThat(BinanceProtocol.STREAMS_PER_MESSAGE).isLessThan(1024);
    }
}
