package com.vaticprop.trading.market;

import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.instrument.InstrumentId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomePricingTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    @Test
    void noPricesAreTheComplementOfYesWithSizesSwapped() {
        Quote yes = Quote.top(InstrumentId.of("POLY:1"), "0.73", "0.77", "100", "40", T);
        Quote no = OutcomePricing.complement(yes, InstrumentId.of("POLY:2"));
        assertThat(no.bid()).isEqualByComparingTo("0.23");
        assertThat(no.ask()).isEqualByComparingTo("0.27");
        assertThat(no.bidSize()).isEqualByComparingTo("40");
        assertThat(no.askSize()).isEqualByComparingTo("100");
    }

    @Test
    void kalshiYesAskIsOneMinusBestNoBid() {
        // the documented orderbook snapshot: yes bids 0.08/0.22, no bids 0.54/0.56
        var quotes = OutcomePricing.fromKalshiBook("FED-23DEC-T3.00",
                List.of(new Level(new BigDecimal("0.08"), new BigDecimal("300")),
                        new Level(new BigDecimal("0.22"), new BigDecimal("333"))),
                List.of(new Level(new BigDecimal("0.54"), new BigDecimal("20")),
                        new Level(new BigDecimal("0.56"), new BigDecimal("146"))),
                "kalshi", T, T, 2L);
        assertThat(quotes.yes().bid()).isEqualByComparingTo("0.22");
        assertThat(quotes.yes().ask()).isEqualByComparingTo("0.44");
        assertThat(quotes.yes().askSize()).isEqualByComparingTo("146");
        assertThat(quotes.no().bid()).isEqualByComparingTo("0.56");
        assertThat(quotes.no().ask()).isEqualByComparingTo("0.78");
        // walking YES asks: 0.44 (from NO 0.56) then 0.46 (from NO 0.54)
        assertThat(quotes.yes().depth().asks()).extracting(Level::price)
                .containsExactly(new BigDecimal("0.44"), new BigDecimal("0.46"));
        assertThat(quotes.yes().instrument()).isEqualTo(InstrumentId.of("KALSHI:FED-23DEC-T3.00:YES"));
    }

    @Test
    void stalenessBoundDependsOnAssetClassAndIsInclusive() {
        StalenessPolicy policy = StalenessPolicy.DEFAULT;
        Quote btc = Quote.top(InstrumentId.of("BTC-USD"), "100", "101", "1", "1", T);
        assertThat(policy.isStale(btc, T.plusSeconds(5))).isFalse();
        assertThat(policy.isStale(btc, T.plusSeconds(5).plusMillis(1))).isTrue();
        Quote poly = Quote.top(InstrumentId.of("POLY:1"), "0.4", "0.5", "1", "1", T);
        assertThat(policy.isStale(poly, T.plus(Duration.ofSeconds(119)))).isFalse();
        assertThat(policy.isStale(poly, T.plus(Duration.ofSeconds(121)))).isTrue();
    }

    @Test
    void depthIsSortedBestFirstWhateverTheVenueOrder() {
        Depth depth = new Depth(
                List.of(new Level(new BigDecimal("0.47"), BigDecimal.TEN), new Level(new BigDecimal("0.48"),
                        BigDecimal.TEN)),
                List.of(new Level(new BigDecimal("0.53"), BigDecimal.TEN), new Level(new BigDecimal("0.52"),
                        BigDecimal.TEN), new Level(new BigDecimal("0.51"), BigDecimal.ZERO)));
        assertThat(depth.bids().get(0).price()).isEqualByComparingTo("0.48");
        assertThat(depth.asks()).extracting(Level::price)
                .containsExactly(new BigDecimal("0.52"), new BigDecimal("0.53"));
        assertThat(InstrumentCatalog.standard(BigDecimal.ONE)).isNotNull();
    }
}
