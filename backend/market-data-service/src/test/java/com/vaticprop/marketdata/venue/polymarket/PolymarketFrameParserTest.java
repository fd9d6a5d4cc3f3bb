package com.vaticprop.marketdata.venue.polymarket;

import com.vaticprop.marketdata.venue.VenueControl;
import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.vaticprop.marketdata.venue.connection.WireSamples.load;
import static org.assertj.core.api.Assertions.assertThat;

public class PolymarketFrameParserTest {
    static final Instant RECEIVED = Instant.parse("2026-11-25T12:00:00Z");
    public static final String BOOK_ASSET = "65818619657568813474341868652308942079804919287380422192892211131408793125422";
    public static final String YES = "71321045679252212594626385532706912750332728571942532289631379312455583992563";
    public static final String NO = "52114319501245915516055106046884209969926127482827954674443846427813813222426";

    final VenueCounters counters = new VenueCounters();
    final PolymarketFrameParser parser = new PolymarketFrameParser(counters);
    final RecordingSink sink = new RecordingSink();
    final List<String> reconnects = new ArrayList<>();

    {
        parser.control(new VenueControl() {
            @Override
            public void send(String message) {
            }

            @Override
            public void reconnect(String reason) {
                reconnects.add(reason);
            }
        });
    }

    /** An empty book for a token, as the channel sends on subscribe for a market with no resting orders. */
    public static String emptyBook(String asset) {
        return "{\"event_type\":\"book\",\"asset_id\":\"" + asset + "\",\"market\":\"0x5f\",\"bids\":[],\"asks\":[],"
                + "\"timestamp\":\"1757908892000\",\"hash\":\"0x1\"}";
    }

    @Test
    void bookSampleGivesTheTopOfBookWhateverTheLevelOrder() {
        parser.parse(load("polymarket-book.json"), RECEIVED, sink);
        assertThat(sink.ticks).containsExactly(new MarketTick("POLY:" + BOOK_ASSET, "polymarket",
                new BigDecimal(".50"), new BigDecimal(".52"), new BigDecimal("15"), new BigDecimal("25"), null, null,
                Instant.ofEpochMilli(123456789000L), RECEIVED, null));
    }

    @Test
    void priceChangeSampleUpdatesBothTokensBooks() {
        parser.parse("[" + emptyBook(YES) + "," + emptyBook(NO) + "]", RECEIVED, sink);
        assertThat(sink.ticks).hasSize(2);
        parser.parse(load("polymarket-price-change.json"), RECEIVED, sink);
        assertThat(sink.ticks).hasSize(4);
        MarketTick yes = sink.ticks.get(2);
        assertThat(yes).isEqualTo(new MarketTick("POLY:" + YES, "polymarket", new BigDecimal("0.5"), BigDecimal.ONE,
                new BigDecimal("200"), BigDecimal.ZERO, null, null, Instant.ofEpochMilli(1757908892351L), RECEIVED,
                null));
        MarketTick no = sink.ticks.get(3);
        assertThat(no.bid()).isEqualTo(BigDecimal.ZERO);
        assertThat(no.ask()).isEqualTo(new BigDecimal("0.5"));
        assertThat(no.askSize()).isEqualTo(new BigDecimal("200"));
        assertThat(counters.get(PolymarketFrameParser.BOOK_MISMATCH)).isZero();
        assertThat(reconnects).isEmpty();
    }

    @Test
    void legacyChangesSchemaIsCountedAndNeverApplied() {
        parser.parse(emptyBook(YES), RECEIVED, sink);
        parser.parse(load("polymarket-price-change-legacy.json"), RECEIVED, sink);
        assertThat(sink.ticks).hasSize(1);
        assertThat(counters.get(VenueCounters.LEGACY_SCHEMA)).isEqualTo(1);
        assertThat(counters.get(VenueCounters.PARSE_ERRORS)).isZero();
    }

    @Test
    void lastTradePriceJoinsTheQuote() {
        String asset = "114122071509644379678018727908709560226618148003371446110114509806601493071694";
        parser.parse(emptyBook(asset).replace("\"bids\":[]", "\"bids\":[{\"price\":\"0.45\",\"size\":\"10\"}]"),
                RECEIVED, sink);
        parser.parse(load("polymarket-last-trade-price.json"), RECEIVED, sink);
        MarketTick tick = sink.last();
        assertThat(tick.last()).isEqualTo(new BigDecimal("0.456"));
        assertThat(tick.lastSize()).isEqualTo(new BigDecimal("219.217767"));
        assertThat(tick.bid()).isEqualTo(new BigDecimal("0.45"));
        assertThat(tick.venueTs()).isEqualTo(Instant.ofEpochMilli(1750428146322L));
    }

    @Test
    void tickSizeChangeIsRememberedAndConfirmsTheBook() {
        parser.parse(load("polymarket-book.json"), RECEIVED, sink);
        parser.parse(load("polymarket-tick-size-change.json"), RECEIVED, sink);
        assertThat(parser.tickSize(BOOK_ASSET)).isEqualTo(new BigDecimal("0.001"));
        assertThat(sink.confirmations).containsExactly("POLY:" + BOOK_ASSET);
    }

    @Test
    void bestBidAskThatAgreesConfirmsAndOneThatDisagreesResyncs() {
        String asset = "85354956062430465315924116860125388538595433819574542752031640332592237464430";
        parser.parse(emptyBook(asset).replace("\"bids\":[]", "\"bids\":[{\"price\":\"0.73\",\"size\":\"5\"}]")
                .replace("\"asks\":[]", "\"asks\":[{\"price\":\"0.77\",\"size\":\"9\"}]"), RECEIVED, sink);
        parser.parse(load("polymarket-best-bid-ask.json"), RECEIVED, sink);
        assertThat(sink.confirmations).containsExactly("POLY:" + asset);
        parser.parse(load("polymarket-best-bid-ask.json").replace("\"0.77\"", "\"0.76\""), RECEIVED, sink);
        assertThat(counters.get(PolymarketFrameParser.BOOK_MISMATCH)).isEqualTo(1);
        assertThat(counters.get(VenueCounters.GAPS)).isEqualTo(1);
        assertThat(reconnects).hasSize(1);
        parser.parse(load("polymarket-last-trade-price.json").replace(
                "114122071509644379678018727908709560226618148003371446110114509806601493071694", asset),
                RECEIVED, sink);
        assertThat(sink.ticks).hasSize(1);
    }

    @Test
    void priceChangeDisagreeingWithTheStatedBestResyncs() {
        parser.parse(emptyBook(YES).replace("\"asks\":[]", "\"asks\":[{\"price\":\"0.9\",\"size\":\"1\"}]"),
                RECEIVED, sink);
        parser.parse(load("polymarket-price-change.json"), RECEIVED, sink);
        assertThat(counters.get(PolymarketFrameParser.BOOK_MISMATCH)).isEqualTo(1);
        assertThat(counters.get(PolymarketFrameParser.CHANGE_WITHOUT_BOOK)).isEqualTo(1);
        assertThat(reconnects).hasSize(1);
        assertThat(sink.ticks).hasSize(1);
    }

    @Test
    void marketResolvedSettlesEveryTokenOnce() {
        parser.parse(load("polymarket-market-resolved.json"), RECEIVED, sink);
        String winner = "76043073756653678226373981964075571318267289248134717369284518995922789326425";
        String loser = "31690934263385727664202099278545688007799199447969475608906331829650099442770";
        Instant at = Instant.ofEpochMilli(1766790415550L);
        assertThat(sink.resolutions).containsExactly(
                new MarketResolution("POLY:" + winner, BigDecimal.ONE, false, at, "polymarket"),
                new MarketResolution("POLY:" + loser, BigDecimal.ZERO, false, at, "polymarket"));
        assertThat(sink.statuses).extracting(MarketStatusChanged::status)
                .containsOnly(MarketStatusChanged.Status.CLOSED);
    }

    @Test
    void outOfRangeMalformedAndUnknownFramesAreCountedAndSkipped() {
        parser.parse(load("polymarket-book.json").replace("\".54\"", "\"1.54\""), RECEIVED, sink);
        parser.parse(emptyBook(YES).replace("\"bids\":[]", "\"bids\":[{\"price\":\"-0.1\",\"size\":\"5\"}]"),
                RECEIVED, sink);
        parser.parse(load("polymarket-book.json").substring(0, 120), RECEIVED, sink);
        parser.parse("{\"event_type\":\"book\",\"asset_id\":\"1\",\"bids\":[{\"price\":\"x\",\"size\":\"1\"}]}",
                RECEIVED, sink);
        parser.parse("{\"event_type\":\"something_new\"}", RECEIVED, sink);
        parser.parse("{\"no_type\":1}", RECEIVED, sink);
        parser.parse("\"hello\"", RECEIVED, sink);
        parser.parse(load("polymarket-new-market.json"), RECEIVED, sink);
        parser.parse("PONG", RECEIVED, sink);
        assertThat(sink.ticks).isEmpty();
        assertThat(counters.snapshot()).containsEntry(VenueCounters.OUT_OF_RANGE, 2L)
                .containsEntry(VenueCounters.PARSE_ERRORS, 2L).containsEntry(VenueCounters.UNKNOWN_FRAMES, 3L)
                .containsEntry("ignored", 1L).containsEntry("pongs", 1L);
        parser.parse(load("polymarket-book.json"), RECEIVED, sink);
        assertThat(sink.ticks).hasSize(1);
    }

    @Test
    void anUnchangedBookIsAConfirmationNotATick() {
        parser.parse(load("polymarket-book.json"), RECEIVED, sink);
        parser.parse(load("polymarket-book.json").replace("\".50\"", "\"0.5\""), RECEIVED, sink);
        assertThat(sink.ticks).hasSize(1);
        assertThat(sink.confirmations).containsExactly("POLY:" + BOOK_ASSET);
    }
}
