package com.vaticprop.marketdata.venue.crypto;

import com.vaticprop.marketdata.feed.FeedSource;
import com.vaticprop.marketdata.feed.FeedStatus;
import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.binance.BinanceFeed;
import com.vaticprop.marketdata.venue.coinbase.CoinbaseFeed;
import com.vaticprop.marketdata.venue.coinbase.CoinbaseFrameParserTest;
import com.vaticprop.marketdata.venue.connection.LocalWebSocketServer;
import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

class CryptoFeedTest {
    static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(5);

    /** A source the test drives by hand. */
    static final class StubSource implements FeedSource {
        final String name;
        TickSink sink;

        StubSource(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(TickSink s) {
            sink = s;
        }

        @Override
        public void stop() {
        }

        @Override
        public FeedStatus status() {
            return new FeedStatus(name, "CONNECTED", null, 0, Map.of("messages", 1L));
        }
    }

    static MarketTick tick(String venue, String bid, Instant at) {
        BigDecimal b = new BigDecimal(bid);
        return new MarketTick("BTC-USD", venue, b, b.add(BigDecimal.ONE), BigDecimal.ONE, BigDecimal.ONE, null, null,
                at, at, null);
    }

    @Test
    void secondaryTakesOverWhileThePrimaryIsStaleAndHandsBack() {
        StubSource binance = new StubSource("binance");
        StubSource coinbase = new StubSource("coinbase");
        VenueCounters counters = new VenueCounters();
        Instant[] now = {T0};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        CryptoFeed feed = new CryptoFeed("crypto", binance, coinbase, BadTickFilter.defaults(counters),
                Duration.ofSeconds(5), clock, counters);
        RecordingSink sink = new RecordingSink();
        feed.start(sink);

        binance.sink.tick(tick("binance", "60000", T0));
        coinbase.sink.tick(tick("coinbase", "60010", T0.plusSeconds(1)));
        assertThat(sink.ticks).extracting(MarketTick::venue).containsExactly("binance");

        now[0] = T0.plusSeconds(6);
        coinbase.sink.tick(tick("coinbase", "60020", now[0]));
        coinbase.sink.confirmed("BTC-USD", now[0]);
        assertThat(feed.activeVenue("BTC-USD")).isEqualTo("coinbase");
        assertThat(sink.confirmations).containsExactly("BTC-USD");

        now[0] = T0.plusSeconds(7);
        binance.sink.confirmed("BTC-USD", now[0]);
        assertThat(feed.activeVenue("BTC-USD")).as("a standby's bare confirmation does not switch").isEqualTo("coinbase");
        assertThat(sink.confirmations).hasSize(1);
        binance.sink.tick(tick("binance", "60030", now[0]));
        coinbase.sink.tick(tick("coinbase", "60040", now[0]));
        assertThat(sink.ticks).extracting(MarketTick::venue)
                .containsExactly("binance", "coinbase", "binance");
        assertThat(feed.activeVenue("BTC-USD")).isEqualTo("binance");
        assertThat(feed.status().counters()).containsEntry(CryptoFeed.FAILOVERS, 1L)
                .containsEntry(CryptoFeed.RECOVERIES, 1L).containsEntry("binance.messages", 1L)
                .containsEntry("coinbase.messages", 1L);
    }

    @Test
    void aThirdVenueTakesOverOnlyWhenBothBeforeItAreStale() {
        StubSource binance = new StubSource("binance");
        StubSource coinbase = new StubSource("coinbase");
        StubSource kraken = new StubSource("kraken");
        VenueCounters counters = new VenueCounters();
        CryptoFeed feed = new CryptoFeed("crypto", List.of(binance, coinbase, kraken),
                BadTickFilter.defaults(counters), Duration.ofSeconds(5), Clock.fixed(T0, ZoneOffset.UTC), counters);
        RecordingSink sink = new RecordingSink();
        feed.start(sink);
        coinbase.sink.tick(tick("coinbase", "60000", T0.minusSeconds(3)));
        kraken.sink.tick(tick("kraken", "60001", T0));
        assertThat(sink.ticks).extracting(MarketTick::venue).containsExactly("coinbase");
        kraken.sink.tick(tick("kraken", "60002", T0.plusSeconds(3)));
        assertThat(sink.ticks).extracting(MarketTick::venue).containsExactly("coinbase", "kraken");
        assertThat(feed.activeVenue("BTC-USD")).isEqualTo("kraken");
        assertThat(feed.toString()).isEqualTo("crypto[binance, coinbase, kraken]");
    }

    @Test
    void outliersFromTheActiveVenueNeverReachTheSink() {
        StubSource binance = new StubSource("binance");
        VenueCounters counters = new VenueCounters();
        CryptoFeed feed = new CryptoFeed("crypto", binance, null, BadTickFilter.defaults(counters),
                Duration.ofSeconds(5), Clock.fixed(T0, ZoneOffset.UTC), counters);
        RecordingSink sink = new RecordingSink();
        feed.start(sink);
        binance.sink.tick(tick("binance", "60000", T0));
        binance.sink.tick(tick("binance", "600", T0));
        binance.sink.tick(tick("binance", "60001", T0));
        assertThat(sink.ticks).extracting(MarketTick::bid).extracting(BigDecimal::toPlainString)
                .containsExactly("60000", "60001");
        assertThat(feed.status().counters()).containsEntry(BadTickFilter.DROPPED_SPIKE, 1L);
    }

    @Test
    void failsOverBetweenRealConnectorsWhenBinanceGoesQuiet() throws Exception {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        try (LocalWebSocketServer binanceServer = new LocalWebSocketServer();
             LocalWebSocketServer coinbaseServer = new LocalWebSocketServer()) {
            VenueCounters counters = new VenueCounters();
            FeedSource binance = BinanceFeed.create(BinanceFeed.defaultSettings()
                    .withUri(binanceServer.uri("/stream")).withSendRate(50, 5), List.of("ETH-USD"),
                    Clock.systemUTC(), scheduler);
            FeedSource coinbase = CoinbaseFeed.create(CoinbaseFeed.defaultSettings()
                    .withUri(coinbaseServer.uri("/")).withSendRate(50, 5), List.of("ETH-USD"),
                    Clock.systemUTC(), scheduler);
            CryptoFeed feed = new CryptoFeed("crypto", binance, coinbase, BadTickFilter.defaults(counters),
                    Duration.ofMillis(300), Clock.systemUTC(), counters);
            RecordingSink sink = new RecordingSink();
            feed.start(sink);
            try {
                LocalWebSocketServer.Session b = binanceServer.nextSession(WAIT);
                LocalWebSocketServer.Session c = coinbaseServer.nextSession(WAIT);
                b.nextText(WAIT);
                assertThat(c.nextText(WAIT)).contains("\"channels\":[\"ticker\",\"heartbeat\"]");
                String book = "{\"stream\":\"ethusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"ETHUSDT\","
                        + "\"b\":\"1285.00\",\"B\":\"1\",\"a\":\"1285.10\",\"A\":\"2\"}}";
                b.sendText(book);
                sink.awaitTick(t -> t.venue().equals("binance"), WAIT);
                c.sendText(CoinbaseFrameParserTest.TICKER);
                Thread.sleep(400);
                c.sendText(CoinbaseFrameParserTest.TICKER.replace("37475248783", "37475248784"));
                sink.awaitTick(t -> t.venue().equals("coinbase"), WAIT);
                assertThat(sink.ticks.stream().filter(t -> t.venue().equals("coinbase")).count()).isEqualTo(1);
                b.sendText(book.replace("\"u\":1", "\"u\":2"));
                RecordingSink.await(() -> sink.last().venue().equals("binance"), WAIT);
                assertThat(feed.status().counters()).containsEntry(CryptoFeed.FAILOVERS, 1L)
                        .containsEntry(CryptoFeed.RECOVERIES, 1L);
            } finally {
                feed.stop();
            }
        } finally {
            scheduler.shutdownNow();
        }
    }
}
