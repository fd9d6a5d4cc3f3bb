package com.vaticprop.marketdata.venue.kalshi;

import com.vaticprop.marketdata.venue.VenueControl;
import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.vaticprop.marketdata.venue.connection.WireSamples.load;
import static org.assertj.core.api.Assertions.assertThat;

class KalshiFrameParserTest {
    static final Instant RECEIVED = Instant.parse("2026-11-25T12:00:00Z");
    static final String YES = "KALSHI:FED-23DEC-T3.00:YES";
    static final String NO = "KALSHI:FED-23DEC-T3.00:NO";

    final VenueCounters counters = new VenueCounters();
    final KalshiCommands commands = new KalshiCommands(List.of("FED-23DEC-T3.00"));
    final KalshiFrameParser parser = new KalshiFrameParser(counters, commands);
    final RecordingSink sink = new RecordingSink();
    final List<String> sent = new ArrayList<>();

    {
        parser.control(new VenueControl() {
            @Override
            public void send(String message) {
                sent.add(message);
            }

            @Override
            public void reconnect(String reason) {
            }
        });
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void snapshotGivesBothOutcomesWithAsksFromTheOtherSidesBids() {
        parser.parse(load("kalshi-orderbook-snapshot.json"), RECEIVED, sink);
        assertThat(sink.ticks).containsExactly(
                new MarketTick(YES, "kalshi", d("0.2200"), d("0.4400"), d("333.00"), d("146.00"), null, null,
                        RECEIVED, RECEIVED, 2L),
                new MarketTick(NO, "kalshi", d("0.5600"), d("0.7800"), d("146.00"), d("333.00"), null, null,
                        RECEIVED, RECEIVED, 2L));
    }

    @Test
    void deltaInSequenceUpdatesTheBook() {
        parser.parse(load("kalshi-orderbook-snapshot.json"), RECEIVED, sink);
        String delta = load("kalshi-orderbook-delta.json").replace("\"0.960\"", "\"0.2200\"")
                .replace("\"-54.00\"", "\"-333.00\"");
        parser.parse(delta, RECEIVED, sink);
        MarketTick yes = sink.ticks.get(2);
        assertThat(yes.bid()).isEqualTo(d("0.0800"));
        assertThat(yes.bidSize()).isEqualTo(d("300.00"));
        assertThat(yes.venueSeq()).isEqualTo(3L);
        assertThat(yes.venueTs()).isEqualTo(Instant.ofEpochMilli(1669149841000L));
        assertThat(sink.ticks.get(3).ask()).isEqualTo(d("0.9200"));
        assertThat(counters.get(VenueCounters.GAPS)).isZero();
    }

    @Test
    void verbatimDeltaOnAnEmptyLevelLeavesTheTopAndConfirms() {
        parser.parse(load("kalshi-orderbook-snapshot.json"), RECEIVED, sink);
        parser.parse(load("kalshi-orderbook-delta.json"), RECEIVED, sink);
        assertThat(sink.ticks).hasSize(2);
        assertThat(sink.confirmations).containsExactly(YES, NO);
    }

    @Test
    void aSequenceGapDropsTheBookAndResubscribes() {
        parser.parse(load("kalshi-orderbook-snapshot.json"), RECEIVED, sink);
        parser.parse(load("kalshi-orderbook-delta.json").replace("\"seq\":3", "\"seq\":5"), RECEIVED, sink);
        assertThat(counters.get(VenueCounters.GAPS)).isEqualTo(1);
        assertThat(sent).containsExactly(
                "{\"id\":1,\"cmd\":\"unsubscribe\",\"params\":{\"sids\":[2]}}",
                "{\"id\":2,\"cmd\":\"subscribe\",\"params\":{\"channels\":[\"orderbook_delta\"],"
                        + "\"market_tickers\":[\"FED-23DEC-T3.00\"]}}");
        parser.parse(load("kalshi-orderbook-delta.json").replace("\"seq\":3", "\"seq\":6"), RECEIVED, sink);
        assertThat(counters.get("staleSubscription")).isEqualTo(1);
        parser.parse(load("kalshi-orderbook-snapshot.json").replace("\"sid\":2,\"seq\":2", "\"sid\":7,\"seq\":1"),
                RECEIVED, sink);
        assertThat(sink.last().venueSeq()).isEqualTo(1L);
        assertThat(sink.ticks).hasSize(4);
    }

    @Test
    void aDeltaBeforeAnySnapshotIsAGap() {
        parser.parse(load("kalshi-orderbook-delta.json"), RECEIVED, sink);
        assertThat(counters.get(VenueCounters.GAPS)).isEqualTo(1);
        assertThat(sink.ticks).isEmpty();
    }

    @Test
    void currentTickerWithoutABookQuotesFromItsOwnFields() {
        parser.parse(load("kalshi-ticker.json"), RECEIVED, sink);
        Instant ts = Instant.ofEpochMilli(1669149841000L);
        assertThat(sink.ticks).containsExactly(
                new MarketTick(YES, "kalshi", d("0.4500"), d("0.5300"), d("300.00"), d("150.00"), d("0.4800"),
                        d("25.00"), ts, RECEIVED, null),
                new MarketTick(NO, "kalshi", d("0.4700"), d("0.5500"), d("150.00"), d("300.00"), d("0.5200"),
                        d("25.00"), ts, RECEIVED, null));
    }

    @Test
    void legacyCentsTickerIsStillUnderstoodDollarFieldsFirst() {
        parser.parse(load("kalshi-ticker-legacy.json"), RECEIVED, sink);
        MarketTick yes = sink.ticks.get(0);
        assertThat(yes.bid()).isEqualTo(d("0.345"));
        assertThat(yes.ask()).isEqualTo(d("0.53"));
        assertThat(yes.last()).isEqualTo(d("0.480"));
        assertThat(yes.venueTs()).isEqualTo(Instant.ofEpochSecond(1669149841L));
        parser.parse(load("kalshi-ticker-legacy.json").replace(",\"price_dollars\":\"0.480\",\"yes_bid_dollars\":\"0.345\"", ""),
                RECEIVED, sink);
        assertThat(sink.ticks.get(2).bid()).isEqualTo(d("0.45"));
        assertThat(sink.ticks.get(2).last()).isEqualTo(d("0.48"));
    }

    @Test
    void legacyCentsSnapshotAndDeltaAreUnderstood() {
        parser.parse("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\","
                + "\"yes\":[[8,300],[22,333]],\"no\":[[54,20],[56,146]]}}", RECEIVED, sink);
        assertThat(sink.ticks.get(0).bid()).isEqualByComparingTo("0.22");
        assertThat(sink.ticks.get(0).ask()).isEqualByComparingTo("0.44");
        parser.parse("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"FED-23DEC-T3.00\","
                + "\"price\":30,\"delta\":10,\"side\":\"yes\"}}", RECEIVED, sink);
        assertThat(sink.ticks.get(2).bid()).isEqualByComparingTo("0.30");
        assertThat(sink.ticks.get(2).bidSize()).isEqualByComparingTo("10");
    }

    @Test
    void tickerOnABookAddsTheLastTrade() {
        parser.parse(load("kalshi-orderbook-snapshot.json"), RECEIVED, sink);
        parser.parse(load("kalshi-ticker.json"), RECEIVED, sink);
        assertThat(sink.ticks.get(2).last()).isEqualTo(d("0.4800"));
        assertThat(sink.ticks.get(2).bid()).isEqualTo(d("0.2200"));
        assertThat(sink.ticks.get(3).last()).isEqualTo(d("0.5200"));
    }

    @Test
    void outOfRangeMalformedAndUnknownFramesAreCountedAndSkipped() {
        parser.parse(load("kalshi-orderbook-snapshot.json").replace("\"0.5600\"", "\"1.5600\""), RECEIVED, sink);
        parser.parse(load("kalshi-ticker.json").replace("\"0.4500\"", "\"-0.45\""), RECEIVED, sink);
        parser.parse(load("kalshi-ticker.json").substring(0, 50), RECEIVED, sink);
        parser.parse("{\"type\":\"fill\",\"msg\":{}}", RECEIVED, sink);
        parser.parse("[]", RECEIVED, sink);
        parser.parse("{\"id\":123,\"type\":\"error\",\"msg\":{\"code\":2,\"msg\":\"Params required\"}}", RECEIVED, sink);
        parser.parse("{\"id\":1,\"type\":\"subscribed\",\"msg\":{\"channel\":\"orderbook_delta\",\"sid\":2}}", RECEIVED, sink);
        parser.parse(load("kalshi-lifecycle-created.json"), RECEIVED, sink);
        assertThat(sink.ticks).isEmpty();
        assertThat(counters.snapshot()).containsEntry(VenueCounters.OUT_OF_RANGE, 2L)
                .containsEntry(VenueCounters.PARSE_ERRORS, 1L).containsEntry(VenueCounters.UNKNOWN_FRAMES, 2L)
                .containsEntry(VenueCounters.VENUE_ERRORS, 1L).containsEntry("acks", 1L)
                .containsEntry("ignored", 1L);
        parser.parse(load("kalshi-orderbook-snapshot.json"), RECEIVED, sink);
        assertThat(sink.ticks).hasSize(2);
    }
}
