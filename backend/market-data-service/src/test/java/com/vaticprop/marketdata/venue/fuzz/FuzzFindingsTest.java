package com.vaticprop.marketdata.venue.fuzz;

import com.vaticprop.marketdata.venue.binance.BinanceFrameParser;
import com.vaticprop.marketdata.venue.coinbase.CoinbaseFrameParser;
import com.vaticprop.marketdata.venue.connection.RecordingSink;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.kalshi.KalshiCommands;
import com.vaticprop.marketdata.venue.kalshi.KalshiFrameParser;
import com.vaticprop.marketdata.venue.kraken.KrakenFrameParser;
import com.vaticprop.marketdata.venue.polymarket.PolymarketFrameParser;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.vaticprop.marketdata.venue.connection.WireSamples.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** One test per defect {@link VenueParserFuzzTest} found, each on the smallest frame that showed it. */
class FuzzFindingsTest {
    static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");
    final VenueCounters counters = new VenueCounters();
    final RecordingSink sink = new RecordingSink();

    @Test
    void aKalshiPriceWithAHundredMillionDecimalsIsAParseErrorNotTwoMinutesOfArithmetic() {
        KalshiFrameParser parser = new KalshiFrameParser(counters, new KalshiCommands(List.of("FED-23DEC-T3.00")));
        String frame = load("kalshi-ticker.json").strip().replace("\"0.5300\"", "\"1E-99999999\"");

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> parser.parse(frame, NOW, sink));

        assertThat(sink.ticks).isEmpty();
        assertThat(counters.get(VenueCounters.PARSE_ERRORS)).isEqualTo(1);
    }

    @Test
    void aBinanceBidOfOneInTenMillionDigitsNeverLeavesTheConnector() {
        BinanceFrameParser parser = new BinanceFrameParser(counters);
        String frame = load("binance-book-ticker.json").strip().replace("BNBUSDT", "BTCUSDT")
                .replace("\"25.35190000\"", "\"1E-9999999\"");

        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> parser.parse(frame, NOW, sink));

        assertThat(sink.ticks).isEmpty();
        assertThat(counters.get(VenueCounters.PARSE_ERRORS)).isEqualTo(1);
    }

    @Test
    void aCoinbaseTickerWithANegativeLastPriceIsRefusedAtTheConnector() {
        CoinbaseFrameParser parser = new CoinbaseFrameParser(counters);
        String ticker = load("coinbase-ticker.json").strip();

        parser.parse(ticker.replace("\"price\":\"1285.22\"", "\"price\":\"-1285.22\""), NOW, sink);
        parser.parse(ticker.replace("37475248783", "37475248784")
                .replace("\"best_bid_size\":\"0.46688654\"", "\"best_bid_size\":\"-0.46688654\""), NOW, sink);

        assertThat(sink.ticks).isEmpty();
        assertThat(counters.get(VenueCounters.OUT_OF_RANGE)).isEqualTo(2);
    }

    @Test
    void aKrakenTimestampThatIsNoInstantIsCountedInsteadOfThrown() {
        KrakenFrameParser parser = new KrakenFrameParser(counters);
        String update = load("kraken-ticker-update.json").strip().replace("ALGO/USD", "BTC/USD");

        parser.parse(update.replace("2023-09-25T09:04:31.742648Z", "NaN"), NOW, sink);

        assertThat(sink.ticks).isEmpty();
        assertThat(counters.get(VenueCounters.PARSE_ERRORS)).isEqualTo(1);
    }

    @Test
    void aKrakenTickerWithANegativeLastOrSizeIsRefusedAtTheConnector() {
        KrakenFrameParser parser = new KrakenFrameParser(counters);
        String snapshot = load("kraken-ticker-snapshot.json").strip().replace("ALGO/USD", "BTC/USD");

        parser.parse(snapshot.replace("\"last\":0.10035", "\"last\":-0.10035"), NOW, sink);
        parser.parse(snapshot.replace("\"bid_qty\":740.0", "\"bid_qty\":-740.0"), NOW, sink);

        assertThat(sink.ticks).isEmpty();
        assertThat(counters.get(VenueCounters.OUT_OF_RANGE)).isEqualTo(2);
    }

    @Test
    void kalshiPublishesBothSidesOfAMarketOrNeither() {
        KalshiFrameParser parser = new KalshiFrameParser(counters, new KalshiCommands(List.of("FED-23DEC-T3.00")));
        String ticker = load("kalshi-ticker.json").strip();
        assertThat(ticker).contains("\"yes_ask_size_fp\":\"");

        parser.parse(ticker.replaceFirst("\"yes_ask_size_fp\":\"[^\"]*\"", "\"yes_ask_size_fp\":\"-150.00\""), NOW,
                sink);

        assertThat(sink.ticks).isEmpty();
        assertThat(counters.get(VenueCounters.OUT_OF_RANGE)).isEqualTo(1);
    }

    @Test
    void aPolymarketTradeWithANegativeSizeDoesNotReachTheBook() {
        PolymarketFrameParser parser = new PolymarketFrameParser(counters);
        String asset = VenueFuzzCase.POLY_ASSET;
        parser.parse(load("polymarket-book.json").strip(), NOW, sink);
        int before = sink.ticks.size();
        String trade = load("polymarket-last-trade-price.json").strip().replaceAll("\\d{70,}", asset);

        parser.parse(trade.replace("\"219.217767\"", "\"-219.217767\""), NOW, sink);

        assertThat(before).isEqualTo(1);
        assertThat(sink.ticks).hasSize(1);
        assertThat(counters.get(VenueCounters.OUT_OF_RANGE)).isEqualTo(1);
    }

    @Test
    void aPolymarketResolutionWhoseWinnerIsNotAmongItsOutcomesSettlesNothing() {
        PolymarketFrameParser parser = new PolymarketFrameParser(counters);
        String resolved = load("polymarket-market-resolved.json");
        String winner = "76043073756653678226373981964075571318267289248134717369284518995922789326425";
        assertThat(resolved).contains("\"winning_asset_id\": \"" + winner + "\"");

        parser.parse(resolved.replace("\"winning_asset_id\": \"" + winner, "\"winning_asset_id\": \"7" + winner), NOW,
                sink);
        parser.parse(resolved.replace("\"31690934263385727664202099278545688007799199447969475608906331829650099442770\"",
                "\"\uFEFF31690934263385727664202099278545688007799199447969475608906331829650099442770\""), NOW, sink);

        assertThat(sink.resolutions).isEmpty();
        assertThat(sink.statuses).isEmpty();
        assertThat(counters.get(VenueCounters.PARSE_ERRORS)).isEqualTo(2);

        parser.parse(resolved, NOW, sink);
        assertThat(sink.resolutions).extracting(r -> r.settlementPrice().toPlainString()).containsExactly("1", "0");
    }
}
