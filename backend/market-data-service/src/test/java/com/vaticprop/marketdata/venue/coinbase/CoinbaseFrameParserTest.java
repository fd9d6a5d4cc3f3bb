package com.vaticprop.marketdata.venue.coinbase;

import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

public class CoinbaseFrameParserTest {
    static final Instant RECEIVED = Instant.parse("2026-11-25T12:00:00Z");
    /** Verbatim documented ticker sample. */
    public static final String TICKER = "{\"type\":\"ticker\",\"sequence\":37475248783,\"product_id\":\"ETH-USD\",\"price\":\"1285.22\",\"open_24h\":\"1310.79\",\"volume_24h\":\"245532.79269678\",\"low_24h\":\"1280.52\",\"high_24h\":\"1313.8\",\"volume_30d\":\"9788783.60117027\",\"best_bid\":\"1285.04\",\"best_bid_size\":\"0.46688654\",\"best_ask\":\"1285.27\",\"best_ask_size\":\"1.56637040\",\"side\":\"buy\",\"time\":\"2022-10-19T23:28:22.061769Z\",\"trade_id\":370843401,\"last_size\":\"11.4396987\"}";
    static final String HEARTBEAT = "{\"type\":\"heartbeat\",\"sequence\":90,\"last_trade_id\":20,\"product_id\":\"BTC-USD\",\"time\":\"2014-11-07T08:19:28.464459Z\"}";

    final VenueCounters counters = new VenueCounters();
    final CoinbaseFrameParser parser = new CoinbaseFrameParser(counters);
    final RecordingSink sink = new RecordingSink();

    @Test
    void tickerIsAnExactQuote() {
        parser.parse(TICKER, RECEIVED, sink);
        assertThat(sink.ticks).containsExactly(new MarketTick("ETH-USD", "coinbase", new BigDecimal("1285.04"),
                new BigDecimal("1285.27"), new BigDecimal("0.46688654"), new BigDecimal("1.56637040"),
                new BigDecimal("1285.22"), new BigDecimal("11.4396987"),
                Instant.parse("2022-10-19T23:28:22.061769Z"), RECEIVED, 37475248783L));
    }

    @Test
    void heartbeatConfirmsTheBook() {
        parser.parse(HEARTBEAT, RECEIVED, sink);
        assertThat(sink.confirmations).containsExactly("BTC-USD");
    }

    @Test
    void olderSequencesAreDroppedAndBadFramesCounted() {
        parser.parse(TICKER, RECEIVED, sink);
        parser.parse(TICKER, RECEIVED, sink);
        parser.parse(TICKER.replace("\"best_bid\":\"1285.04\"", "\"best_bid\":\"1300\""), RECEIVED, sink); // crossed book
        parser.parse(TICKER.replace("37475248783", "37475248790").replace("\"1285.04\"", "\"-1\""), RECEIVED, sink);
        parser.parse(TICKER.substring(0, 40), RECEIVED, sink);
        parser.parse("{\"type\":\"match\",\"product_id\":\"BTC-USD\"}", RECEIVED, sink);
        parser.parse("{\"type\":\"subscriptions\",\"channels\":[]}", RECEIVED, sink);
        parser.parse("{\"type\":\"error\",\"message\":\"Failed to subscribe\"}", RECEIVED, sink);
        assertThat(sink.ticks).hasSize(1);
        assertThat(counters.snapshot()).containsEntry(VenueCounters.OUT_OF_ORDER, 1L)
                .containsEntry(VenueCounters.OUT_OF_RANGE, 2L).containsEntry(VenueCounters.PARSE_ERRORS, 1L)
                .containsEntry(VenueCounters.UNKNOWN_FRAMES, 1L).containsEntry("acks", 1L)
                .containsEntry(VenueCounters.VENUE_ERRORS, 1L);
    }

    @Test
    void subscribeMessageNamesTickerAndHeartbeat() {
        assertThat(new CoinbaseFeed.Protocol(List.of("ETH-USD", "BTC-USD"), counters).subscribeMessages())
                .containsExactly("{\"type\":\"subscribe\",\"product_ids\":[\"ETH-USD\",\"BTC-USD\"],"
                        + "\"channels\":[\"ticker\",\"heartbeat\"]}");
    }
}
