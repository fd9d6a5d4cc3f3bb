package com.vaticprop.marketdata.venue.binance;

import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

public class BinanceFrameParserTest {
    static final Instant RECEIVED = Instant.parse("2026-11-25T12:00:00Z");
    /** The documented bookTicker sample with the symbol moved to one we quote (the sample's is BNBUSDT). */
    static final String BOOK = "{\"stream\":\"btcusdt@bookTicker\",\"data\":"
            + "{\"u\":400900217,\"s\":\"BTCUSDT\",\"b\":\"25.35190000\",\"B\":\"31.21000000\",\"a\":\"25.36520000\",\"A\":\"40.66000000\"}}";
    /** The 2023 doc's trade sample (with b/a order ids), symbol moved to BTCUSDT. */
    static final String TRADE_OLD = "{\"stream\":\"btcusdt@trade\",\"data\":"
            + "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BTCUSDT\",\"t\":12345,\"p\":\"0.001\",\"q\":\"100\",\"b\":88,\"a\":50,\"T\":1672515782136,\"m\":true,\"M\":true}}";
    /** The current doc's trade sample: no b/a. */
    static final String TRADE_NEW = "{\"stream\":\"btcusdt@trade\",\"data\":"
            + "{\"e\":\"trade\",\"E\":1672515782136,\"s\":\"BTCUSDT\",\"t\":12346,\"p\":\"25.36000000\",\"q\":\"0.5\",\"T\":1672515782140,\"m\":true,\"M\":true}}";

    final VenueCounters counters = new VenueCounters();
    final BinanceFrameParser parser = new BinanceFrameParser(counters);
    final RecordingSink sink = new RecordingSink();

    @Test
    void bookTickerBecomesAnExactQuote() {
        parser.parse(BOOK, RECEIVED, sink);
        assertThat(sink.ticks).containsExactly(new MarketTick("BTC-USD", "binance", new BigDecimal("25.35190000"),
                new BigDecimal("25.36520000"), new BigDecimal("31.21000000"), new BigDecimal("40.66000000"),
                null, null, RECEIVED, RECEIVED, 400900217L));
    }

    @Test
    void tradeBeforeAnyBookOnlyRemembersTheLastPriceThenTradesCarryTheBook() {
        parser.parse(TRADE_OLD, RECEIVED, sink);
        assertThat(sink.ticks).isEmpty();
        parser.parse(BOOK, RECEIVED, sink);
        assertThat(sink.last().last()).isEqualTo(new BigDecimal("0.001"));
        assertThat(sink.last().lastSize()).isEqualTo(new BigDecimal("100"));
        parser.parse(TRADE_NEW, RECEIVED, sink);
        MarketTick tick = sink.last();
        assertThat(tick.last()).isEqualTo(new BigDecimal("25.36000000"));
        assertThat(tick.lastSize()).isEqualTo(new BigDecimal("0.5"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("25.35190000"));
        assertThat(tick.venueTs()).isEqualTo(Instant.ofEpochMilli(1672515782140L));
        assertThat(tick.venueSeq()).isEqualTo(400900217L);
        assertThat(counters.get(VenueCounters.GAPS)).isZero();
    }

    @Test
    void rawPayloadWithoutTheWrapperIsReadToo() {
        parser.parse("{\"u\":5,\"s\":\"ETHUSDT\",\"b\":\"3000.10\",\"B\":\"1\",\"a\":\"3000.20\",\"A\":\"2\"}", RECEIVED, sink);
        assertThat(sink.last().instrument()).isEqualTo("ETH-USD");
    }

    @Test
    void olderUpdateIdsAreDroppedAndSkippedTradeIdsCountAsGaps() {
        parser.parse(BOOK, RECEIVED, sink);
        parser.parse(BOOK.replace("400900217", "400900216"), RECEIVED, sink);
        assertThat(sink.ticks).hasSize(1);
        assertThat(counters.get(VenueCounters.OUT_OF_ORDER)).isEqualTo(1);
        parser.parse(TRADE_OLD, RECEIVED, sink);
        parser.parse(TRADE_NEW.replace("12346", "12350"), RECEIVED, sink);
        assertThat(counters.get(VenueCounters.GAPS)).isEqualTo(1);
        parser.parse(TRADE_OLD, RECEIVED, sink);
        assertThat(counters.get(VenueCounters.OUT_OF_ORDER)).isEqualTo(2);
    }

    @Test
    void outOfRangePricesAreRejected() {
        parser.parse(BOOK.replace("\"25.35190000\"", "\"0\""), RECEIVED, sink);
        parser.parse(BOOK.replace("\"25.35190000\"", "\"-1\""), RECEIVED, sink);
        parser.parse(BOOK.replace("\"25.35190000\"", "\"26.00\""), RECEIVED, sink);
        assertThat(sink.ticks).isEmpty();
        assertThat(counters.get(VenueCounters.OUT_OF_RANGE)).isEqualTo(3);
    }

    @Test
    void malformedTruncatedAndUnknownFramesAreCountedAndSkipped() {
        parser.parse(BOOK.substring(0, BOOK.length() / 2), RECEIVED, sink);
        parser.parse("not json", RECEIVED, sink);
        parser.parse(BOOK.replace("\"25.35190000\"", "\"abc\""), RECEIVED, sink);
        parser.parse("{\"stream\":\"btcusdt@kline_1m\",\"data\":{\"e\":\"kline\",\"s\":\"BTCUSDT\"}}", RECEIVED, sink);
        parser.parse("{\"stream\":\"bnbusdt@bookTicker\",\"data\":{\"u\":1,\"s\":\"BNBUSDT\",\"b\":\"1\",\"B\":\"1\",\"a\":\"2\",\"A\":\"1\"}}", RECEIVED, sink);
        parser.parse("[1,2]", RECEIVED, sink);
        parser.parse("{\"result\":null,\"id\":1}", RECEIVED, sink);
        parser.parse("{\"code\":2,\"msg\":\"Invalid request\",\"id\":3}", RECEIVED, sink);
        assertThat(sink.ticks).isEmpty();
        assertThat(counters.get(VenueCounters.PARSE_ERRORS)).isEqualTo(3);
        assertThat(counters.get(VenueCounters.UNKNOWN_FRAMES)).isEqualTo(3);
        assertThat(counters.get("acks")).isEqualTo(1);
        assertThat(counters.get(VenueCounters.VENUE_ERRORS)).isEqualTo(1);
        parser.parse(BOOK, RECEIVED, sink);
        assertThat(sink.ticks).hasSize(1);
    }
}
