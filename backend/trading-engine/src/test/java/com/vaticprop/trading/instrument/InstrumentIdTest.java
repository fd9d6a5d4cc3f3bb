package com.vaticprop.trading.instrument;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class InstrumentIdTest {

    @Test
    void parsesEveryWireForm() {
        assertThat(InstrumentId.of("ETH-USD").venue()).isEqualTo(Venue.CRYPTO);
        InstrumentId poly = InstrumentId.of("POLY:65818619657568813474341868652308942079804919287380422192892211131408793125422");
        assertThat(poly.venue()).isEqualTo(Venue.POLYMARKET);
        assertThat(poly.assetClass()).isEqualTo(AssetClass.PREDICTION_MARKET);
        InstrumentId kalshi = InstrumentId.of("KALSHI:KXMLBGAME-25OCT01DETCLE-DET:NO");
        assertThat(kalshi.market()).isEqualTo("KXMLBGAME-25OCT01DETCLE-DET");
        assertThat(kalshi.outcome()).isEqualTo(Outcome.NO);
        assertThat(kalshi.kalshiComplement()).contains(InstrumentId.of("KALSHI:KXMLBGAME-25OCT01DETCLE-DET:YES"));
    }

    @Test
    void rejectsUnknownForms() {
        assertThat(InstrumentId.parse("DOGE-USD")).isEmpty();
        assertThat(InstrumentId.parse("POLY:")).isEmpty();
        assertThat(InstrumentId.parse("KALSHI:FED-23DEC-T3.00")).isEmpty();
        assertThat(InstrumentId.parse("KALSHI:FED:yes")).isEmpty();
        assertThat(InstrumentId.parse(null)).isEmpty();
    }

    @Test
    void catalogueGivesCryptoGridsAndVenueDefaultsForShares() {
        InstrumentCatalog catalog = InstrumentCatalog.standard(new BigDecimal("10"));
        Instrument btc = catalog.get(InstrumentId.of("BTC-USD"));
        assertThat(btc.onLot(new BigDecimal("0.0001"))).isTrue();
        assertThat(btc.onLot(new BigDecimal("0.00015"))).isFalse();
        assertThat(btc.onTick(new BigDecimal("60000.01"))).isTrue();
        assertThat(btc.onTick(new BigDecimal("60000.015"))).isFalse();
        Instrument kalshi = catalog.get(InstrumentId.of("KALSHI:FED-23DEC-T3.00:YES"));
        assertThat(kalshi.feeModel()).isEqualTo(new FeeModel.KalshiQuadratic(new BigDecimal("0.07")));
        InstrumentId poly = InstrumentId.of("POLY:123");
        InstrumentCatalog fine = catalog.withTickSize(poly, new BigDecimal("0.001"));
        assertThat(catalog.get(poly).onTick(new BigDecimal("0.971"))).isFalse();
        assertThat(fine.get(poly).onTick(new BigDecimal("0.971"))).isTrue();
    }

    @Test
    void adverseRoundingGoesAgainstTheTrader() {
        Instrument btc = InstrumentCatalog.standard(BigDecimal.ONE).get(InstrumentId.of("BTC-USD"));
        assertThat(btc.roundAdverse(new BigDecimal("100.001"), true)).isEqualByComparingTo("100.01");
        assertThat(btc.roundAdverse(new BigDecimal("100.009"), false)).isEqualByComparingTo("100.00");
        assertThat(btc.floorToLot(new BigDecimal("0.12345"))).isEqualByComparingTo("0.1234");
    }
}
