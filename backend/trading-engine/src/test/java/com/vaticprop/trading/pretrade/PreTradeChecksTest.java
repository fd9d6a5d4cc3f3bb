package com.vaticprop.trading.pretrade;

import com.vaticprop.trading.account.Account;
import com.vaticprop.trading.fixtures.Fills;
import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.InstrumentCatalog;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.market.StalenessPolicy;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.ruleset.RuleSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PreTradeChecksTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final InstrumentCatalog CATALOG = InstrumentCatalog.standard(BigDecimal.TEN);
    private static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    private static final InstrumentId YES = InstrumentId.of("KALSHI:FED:YES");
    private static final InstrumentId NO = InstrumentId.of("KALSHI:FED:NO");

    private final RuleSet crypto = Tiers.cryptoTwoStep100k(); // leverage 2
    private final RuleSet pm = Tiers.predictionMarkets25k();  // band 0.02–0.98, 5% per market

    private static Quote btc(Instant at) {
        return Quote.top(BTC, "50000", "50010", "10", "10", at);
    }

    private Optional<Rejection> check(RuleSet rs, OrderRequest o, Quote q, MarketStatus status, Account a) {
        return PreTradeChecks.check(o, new PreTradeContext(rs, CATALOG, q, status, a, T, StalenessPolicy.DEFAULT));
    }

    private static Account account(String initial) {
        return new Account("A", new BigDecimal(initial), BigDecimal.ZERO, LocalDate.parse("2026-03-02"));
    }

    private static PreTradeCheck failed(Optional<Rejection> r) {
        return r.map(Rejection::check).orElse(null);
    }

    @Test
    void acceptsAnOrdinaryOrder() {
        assertThat(check(crypto, OrderRequest.market("o", BTC, Side.BUY, "1"), btc(T), null, account("100000")))
                .isEmpty();
    }

    @Test
    void eachFailureNamesItsCheck() {
        Account a = account("100000");
        assertThat(failed(check(crypto, OrderRequest.market("o", YES, Side.BUY, "1"), btc(T), null, a)))
                .isEqualTo(PreTradeCheck.INSTRUMENT_ALLOWED);
        assertThat(failed(check(crypto, OrderRequest.market("o", BTC, Side.BUY, "0.00001"), btc(T), null, a)))
                .isEqualTo(PreTradeCheck.ORDER_VALID);
        assertThat(failed(check(crypto, OrderRequest.limit("o", BTC, Side.BUY, "1", "50000.005", TimeInForce.GTC),
                btc(T), null, a))).isEqualTo(PreTradeCheck.ORDER_VALID);
        assertThat(failed(check(crypto, OrderRequest.market("o", BTC, Side.BUY, "1"), btc(T), MarketStatus.HALTED,
                a))).isEqualTo(PreTradeCheck.MARKET_OPEN);
        assertThat(failed(check(crypto, OrderRequest.market("o", BTC, Side.BUY, "1"), null, null, a)))
                .isEqualTo(PreTradeCheck.QUOTE_FRESH);
        assertThat(failed(check(crypto, OrderRequest.market("o", BTC, Side.BUY, "1"), btc(T.minusSeconds(6)), null,
                a))).isEqualTo(PreTradeCheck.QUOTE_FRESH);
        assertThat(failed(check(crypto, OrderRequest.market("o", BTC, Side.SELL, "1").asReduceOnly(), btc(T), null,
                a))).isEqualTo(PreTradeCheck.REDUCE_ONLY);
    }

    @Test
    void buyingPowerIsEquityTimesLeverageAndReducingIsAlwaysAllowed() {
        Account a = account("100000");
        // 4 × 50010 = 200040 > 200000
        assertThat(failed(check(crypto, OrderRequest.market("o", BTC, Side.BUY, "4"), btc(T), null, a)))
                .isEqualTo(PreTradeCheck.BUYING_POWER);
        assertThat(check(crypto, OrderRequest.market("o", BTC, Side.BUY, "3.99"), btc(T), null, a)).isEmpty();
        a.applyFill(Fills.fill("BTC-USD", Side.BUY, "3.9", "50010", "0", btc(T)));
        assertThat(failed(check(crypto, OrderRequest.market("o", BTC, Side.BUY, "0.2"), btc(T), null, a)))
                .isEqualTo(PreTradeCheck.BUYING_POWER);
        assertThat(check(crypto, OrderRequest.market("o", BTC, Side.SELL, "3.9"), btc(T), null, a)).isEmpty();
        // a flip into a short of 4 would need 4 × 50000 of buying power on top of nothing: 200000 ≤ 2 × equity?
        assertThat(failed(check(crypto, OrderRequest.market("o", BTC, Side.SELL, "8"), btc(T), null, a)))
                .isEqualTo(PreTradeCheck.BUYING_POWER);
    }

    @Test
    void predictionMarketsAreLongOnlyBandedCollateralizedAndCappedPerMarket() {
        Account a = account("25000");
        Quote yes = Quote.top(YES, "0.40", "0.42", "100000", "100000", T);
        assertThat(failed(check(pm, OrderRequest.market("o", YES, Side.SELL, "10"), yes, null, a)))
                .isEqualTo(PreTradeCheck.LONG_ONLY);
        Quote extreme = Quote.top(YES, "0.98", "0.99", "100", "100", T);
        assertThat(failed(check(pm, OrderRequest.market("o", YES, Side.BUY, "10"), extreme, null, a)))
                .isEqualTo(PreTradeCheck.PRICE_BAND);
        Quote edge = Quote.top(YES, "0.97", "0.98", "100", "100", T);
        assertThat(check(pm, OrderRequest.market("o", YES, Side.BUY, "10"), edge, null, a)).isEmpty();
        // 5% of 25000 = 1250 per market: 2976 × 0.42 = 1249.92 fits, 2977 × 0.42 = 1250.34 does not
        assertThat(check(pm, OrderRequest.market("o", YES, Side.BUY, "2976"), yes, null, a)).isEmpty();
        assertThat(failed(check(pm, OrderRequest.market("o", YES, Side.BUY, "2977"), yes, null, a)))
                .isEqualTo(PreTradeCheck.MARKET_COST);
        // the NO side of the same market shares the cap: 840 held + 683 × 0.60 = 1249.80; 684 → 1250.40
        a.applyFill(Fills.fill("KALSHI:FED:YES", Side.BUY, "2000", "0.42", "0", yes));
        Quote no = Quote.top(NO, "0.58", "0.60", "100000", "100000", T);
        assertThat(failed(check(pm, OrderRequest.market("o", NO, Side.BUY, "684"), no, null, a)))
                .isEqualTo(PreTradeCheck.MARKET_COST);
        assertThat(check(pm, OrderRequest.market("o", NO, Side.BUY, "683"), no, null, a)).isEmpty();
        assertThat(check(pm, OrderRequest.market("o", YES, Side.SELL, "2000"), yes, null, a)).isEmpty();
    }

    @Test
    void collateralMustCoverCostAndFee() {
        Account small = new Account("A", new BigDecimal("25000"), BigDecimal.ZERO, LocalDate.parse("2026-03-02"));
        RuleSet noCap = new RuleSet(pm.initialBalance(), pm.currency(), pm.dayBoundary(), pm.instruments(),
                pm.profitSplitPct(), pm.phases(), pm.tradingDay(), pm.dailyLoss(), pm.maxLoss(), null, null,
                new com.vaticprop.trading.ruleset.ExposureLimits(BigDecimal.ONE, null, null, null, 0));
        Quote half = Quote.top(YES, "0.49", "0.50", "1000000", "1000000", T);
        // 50000 × 0.50 = 25000 exactly, but the Kalshi fee (875) pushes it over the cash
        assertThat(failed(check(noCap, OrderRequest.market("o", YES, Side.BUY, "50000"), half, null, small)))
                .isEqualTo(PreTradeCheck.COLLATERAL);
        assertThat(check(noCap, OrderRequest.market("o", YES, Side.BUY, "48000"), half, null, small)).isEmpty();
    }
}
