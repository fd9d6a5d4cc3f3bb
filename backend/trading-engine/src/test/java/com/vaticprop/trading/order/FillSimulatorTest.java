package com.vaticprop.trading.order;

import com.vaticprop.trading.instrument.Instrument;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Depth;
import com.vaticprop.trading.market.Level;
import com.vaticprop.trading.market.Quote;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FillSimulatorTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    private static final InstrumentCatalog CATALOG = InstrumentCatalog.standard(BigDecimal.TEN);
    private static final Instrument BTC_SPEC = CATALOG.get(BTC);
    private static final Quote Q = Quote.top(BTC, "60000.00", "60010.00", "2", "0.5", T);

    /** Executions as "qty@price" with trailing zeros stripped, so scale differences do not matter. */
    private static List<String> show(List<Execution> ex) {
        return ex.stream().map(e -> e.qty().stripTrailingZeros().toPlainString() + "@"
                + e.price().stripTrailingZeros().toPlainString()).toList();
    }

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void marketBuyTakesTheAskCappedByDisplayedSize() {
        FillSimulator sim = new FillSimulator(new SlippageModel.None());
        List<Execution> ex = sim.match(OrderRequest.market("o1", BTC, Side.BUY, "1"), Q, BTC_SPEC, d("1"));
        assertThat(show(ex)).containsExactly("0.5@60010");
    }

    @Test
    void marketSellWithBpsSlippageRoundsToTickAgainstTheTrader() {
        FillSimulator sim = new FillSimulator(new SlippageModel.Bps(d("1.5")));
        List<Execution> ex = sim.match(OrderRequest.market("o1", BTC, Side.SELL, "1"), Q, BTC_SPEC, d("1"));
        // 60000 × (1 − 0.00015) = 59991.00 exactly
        assertThat(show(ex)).containsExactly("1@59991");
        List<Execution> buy = sim.match(OrderRequest.market("o2", BTC, Side.BUY, "0.1"), Q, BTC_SPEC, d("0.1"));
        // 60010 × 1.00015 = 60019.0015 → ceil to tick 60019.01
        assertThat(buy.get(0).price()).isEqualByComparingTo("60019.01");
    }

    @Test
    void marketOrderWalksTheBookWhenDepthIsGiven() {
        Quote withDepth = new Quote(BTC, "coinbase", d("60000"), d("60010"), d("1"), d("0.2"), T, T, 1L,
                new Depth(List.of(), List.of(new Level(d("60012"), d("0.5")), new Level(d("60010"), d("0.2")))));
        FillSimulator sim = new FillSimulator(new SlippageModel.Bps(d("100")));
        List<Execution> ex = sim.match(OrderRequest.market("o1", BTC, Side.BUY, "0.5"), withDepth, BTC_SPEC,
                d("0.5"));
        assertThat(show(ex)).containsExactly("0.2@60010", "0.3@60012");
    }

    @Test
    void limitOrderFillsOnlyAtOrBetterThanItsPrice() {
        FillSimulator sim = new FillSimulator(new SlippageModel.Bps(d("50")));
        OrderRequest below = OrderRequest.limit("o1", BTC, Side.BUY, "0.1", "60009.99", TimeInForce.GTC);
        assertThat(sim.match(below, Q, BTC_SPEC, d("0.1"))).isEmpty();
        OrderRequest at = OrderRequest.limit("o2", BTC, Side.BUY, "0.1", "60010.00", TimeInForce.GTC);
        assertThat(show(sim.match(at, Q, BTC_SPEC, d("0.1")))).containsExactly("0.1@60010");
        OrderRequest sell = OrderRequest.limit("o3", BTC, Side.SELL, "5", "59000", TimeInForce.GTC);
        assertThat(show(sim.match(sell, Q, BTC_SPEC, d("5")))).containsExactly("2@60000");
    }

    @Test
    void stopsTriggerOnTheSideTheyWouldTradeAgainst() {
        OrderRequest sellStop = OrderRequest.stop("s", BTC, Side.SELL, "1", "60000");
        assertThat(FillSimulator.stopTriggered(sellStop, Q)).isTrue();
        assertThat(FillSimulator.stopTriggered(OrderRequest.stop("s", BTC, Side.SELL, "1", "59999.99"), Q)).isFalse();
        assertThat(FillSimulator.stopTriggered(OrderRequest.stop("b", BTC, Side.BUY, "1", "60010"), Q)).isTrue();
        assertThat(FillSimulator.stopTriggered(OrderRequest.stop("b", BTC, Side.BUY, "1", "60010.01"), Q)).isFalse();
    }

    @Test
    void predictionSharePricesStayWithinOne() {
        InstrumentId poly = InstrumentId.of("POLY:1");
        Quote q = Quote.top(poly, "0.98", "0.99", "100", "100", T);
        FillSimulator sim = new FillSimulator(new SlippageModel.Bps(d("500")));
        List<Execution> ex = sim.match(OrderRequest.market("o", poly, Side.BUY, "10"), q, CATALOG.get(poly),
                d("10"));
        assertThat(ex.get(0).price()).isEqualByComparingTo("1");
    }

    @Test
    void partialQuantityIsFlooredToTheLot() {
        Quote thin = Quote.top(BTC, "60000", "60010", "1", "0.00015", T);
        FillSimulator sim = new FillSimulator(new SlippageModel.None());
        assertThat(show(sim.match(OrderRequest.market("o", BTC, Side.BUY, "1"), thin, BTC_SPEC, d("1"))))
                .containsExactly("0.0001@60010");
        Quote dust = Quote.top(BTC, "60000", "60010", "1", "0.00005", T);
        assertThat(sim.match(OrderRequest.market("o", BTC, Side.BUY, "1"), dust, BTC_SPEC, d("1"))).isEmpty();
    }
}
