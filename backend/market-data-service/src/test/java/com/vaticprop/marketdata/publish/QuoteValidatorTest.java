package com.vaticprop.marketdata.publish;

import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.trading.instrument.AssetClass;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteValidatorTest {

    @ParameterizedTest(name = "{0} bid={1} ask={2} last={3} → {4}")
    @CsvSource(nullValues = "-", value = {
            "CRYPTO, 100, 100.5, -, -",
            "CRYPTO, 100, 100, 100, -",
            "CRYPTO, 100.5, 100, -, CROSSED",
            "CRYPTO, 0, 100, -, NON_POSITIVE",
            "CRYPTO, 100, 101, 0, NON_POSITIVE",
            "PREDICTION_MARKET, 0, 0.01, -, -",
            "PREDICTION_MARKET, 0.99, 1, 1, -",
            "PREDICTION_MARKET, 1, 1, -, OUT_OF_RANGE",
            "PREDICTION_MARKET, 0.5, 1.01, -, OUT_OF_RANGE",
            "PREDICTION_MARKET, -0.01, 0.5, -, OUT_OF_RANGE",
            "PREDICTION_MARKET, 0, 0, -, OUT_OF_RANGE",
            "PREDICTION_MARKET, 0.5, 0.6, 1.2, OUT_OF_RANGE",
            "PREDICTION_MARKET, 0.6, 0.5, -, CROSSED"})
    void pricesOutsideTheirRangeAreRefused(AssetClass assetClass, String bid, String ask, String last,
                                           QuoteValidator.Rejection expected) {
        Instant now = Instant.now();
        MarketTick tick = new MarketTick("X", "v", new BigDecimal(bid), new BigDecimal(ask), BigDecimal.ONE,
                BigDecimal.ONE, last == null ? null : new BigDecimal(last), null, now, now, null);
        assertThat(QuoteValidator.check(tick, assetClass)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"-1, 1", "1, -1"})
    void negativeSizesAreRefused(String bidSize, String askSize) {
        Instant now = Instant.now();
        MarketTick tick = new MarketTick("X", "v", BigDecimal.ONE, BigDecimal.TEN, new BigDecimal(bidSize),
                new BigDecimal(askSize), null, null, now, now, null);
        assertThat(QuoteValidator.check(tick, AssetClass.CRYPTO)).isEqualTo(QuoteValidator.Rejection.NEGATIVE_SIZE);
    }
}
