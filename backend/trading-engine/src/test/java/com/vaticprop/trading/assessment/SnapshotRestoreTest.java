package com.vaticprop.trading.assessment;

import com.vaticprop.trading.account.AccountState;
import com.vaticprop.trading.fixtures.Engines;
import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.pretrade.PreTradeCheck;
import com.vaticprop.trading.rules.RuleCheck;
import com.vaticprop.trading.rules.RuleName;
import com.vaticprop.trading.ruleset.RuleSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Focused cases of {@link AssessmentEngine#snapshot()} / {@link AssessmentEngine#restore}. */
class SnapshotRestoreTest {
    private static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Quote btc(String bid, String ask, Instant at) {
        return Quote.top(BTC, bid, ask, "5", "5", at);
    }

    private static AssessmentEngine restored(AssessmentEngine e, RuleSet rs) {
        AssessmentEngine r = AssessmentEngine.restore(e.assessmentId(), rs, Engines.settings(), e.snapshot());
        assertThat(r.snapshot()).as("snapshot → restore → snapshot").isEqualTo(e.snapshot());
        return r;
    }

    /** Applies the same input to both engines and returns the original's result after checking they agree. */
    private static EngineResult both(AssessmentEngine a, AssessmentEngine b, EngineInput input) {
        EngineResult ra = a.apply(input);
        assertThat(b.apply(input)).as(input.toString()).isEqualTo(ra);
        return ra;
    }

    @Test
    void aRestoredWorkingStopTriggersAndFillsIdentically() {
        RuleSet rs = Tiers.cryptoTwoStep100k();
        AssessmentEngine e = Engines.engine("A", rs);
        e.start(T0);
        e.onQuote(btc("60000", "60010", at(1)));
        e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "1"), at(2));
        e.placeOrder(OrderRequest.stop("s1", BTC, Side.SELL, "3", "59500").asReduceOnly(), at(3));
        AssessmentEngine r = restored(e, rs);
        assertThat(r.workingOrders()).isEqualTo(e.workingOrders()).hasSize(1);
        assertThat(both(e, r, new EngineInput.QuoteReceived(btc("59501", "59510", at(4)))).fills()).isEmpty();
        EngineResult hit = both(e, r, new EngineInput.QuoteReceived(btc("59450", "59460", at(5))));
        assertThat(hit.fills()).singleElement().satisfies(f -> {
            assertThat(f.tradeId()).as("trade numbers continue").isEqualTo("A-T2");
            assertThat(f.qty()).isEqualByComparingTo("1");
        });
        assertThat(r.snapshot()).isEqualTo(e.snapshot());
    }

    @Test
    void aPartlyFilledGtcLimitKeepsItsRemainder() {
        RuleSet rs = Tiers.cryptoTwoStep100k();
        AssessmentEngine e = Engines.engine("A", rs);
        e.start(T0);
        e.onQuote(btc("60000", "60010", at(1)));
        e.placeOrder(OrderRequest.limit("l1", BTC, Side.BUY, "1", "59900", TimeInForce.GTC), at(2));
        e.onQuote(Quote.top(BTC, "59880", "59890", "0.4", "0.4", at(3)));
        assertThat(e.workingOrders()).singleElement()
                .satisfies(w -> assertThat(w.filledQty()).isEqualByComparingTo("0.4"));
        AssessmentEngine r = restored(e, rs);
        EngineResult rest = both(e, r, new EngineInput.QuoteReceived(btc("59880", "59890", at(4))));
        assertThat(rest.fills()).singleElement().satisfies(f -> assertThat(f.qty()).isEqualByComparingTo("0.6"));
        assertThat(r.workingOrders()).isEmpty();
    }

    @Test
    void idempotencyKeysAndOrderIdsSurviveARestore() {
        RuleSet rs = Tiers.cryptoTwoStep100k();
        AssessmentEngine e = Engines.engine("A", rs);
        e.start(T0);
        e.onQuote(btc("60000", "60010", at(1)));
        e.placeOrder(new OrderRequest("o1", BTC, Side.BUY, com.vaticprop.trading.order.OrderType.MARKET,
                new BigDecimal("0.1"), null, null, TimeInForce.IOC, false, "client-key-1"), at(2));
        AssessmentEngine r = restored(e, rs);
        for (OrderRequest dup : List.of(OrderRequest.market("o1", BTC, Side.BUY, "0.1"),
                new OrderRequest("o2", BTC, Side.BUY, com.vaticprop.trading.order.OrderType.MARKET,
                        new BigDecimal("0.1"), null, null, TimeInForce.IOC, false, "client-key-1"))) {
            EngineResult result = both(e, r, new EngineInput.PlaceOrder(dup, at(3)));
            assertThat(result.eventsOf(EngineEvent.OrderRejected.class)).singleElement()
                    .satisfies(x -> assertThat(x.rejection().check()).isEqualTo(PreTradeCheck.DUPLICATE_ORDER));
        }
    }

    @Test
    void theTrailingPeakSurvivesARestore() {
        RuleSet rs = Tiers.predictionMarkets25k(); // max loss 20% trailing the intraday equity peak
        InstrumentId yes = InstrumentId.of("KALSHI:FED:YES");
        AssessmentEngine e = Engines.engine("A", rs);
        e.start(T0);
        e.onQuote(Quote.top(yes, "0.40", "0.41", "100000", "100000", at(1)));
        assertThat(e.placeOrder(OrderRequest.market("b", yes, Side.BUY, "2000"), at(2)).fills()).hasSize(1);
        e.onQuote(Quote.top(yes, "0.70", "0.71", "100000", "100000", at(3))); // peak ≈ 25,580
        e.onQuote(Quote.top(yes, "0.60", "0.61", "100000", "100000", at(4)));
        AssessmentEngine r = restored(e, rs);
        assertThat(r.account().orElseThrow().snapshot().peakEquity())
                .isEqualTo(e.account().orElseThrow().snapshot().peakEquity())
                .isGreaterThan(r.account().orElseThrow().equity());
        both(e, r, new EngineInput.QuoteReceived(Quote.top(yes, "0.55", "0.56", "100000", "100000", at(5))));
        // a quote that breaches nothing builds no checks: ask the restored engine for its rules now
        RuleCheck maxLoss = r.peek(at(5)).orElseThrow().checks().stream().filter(c -> c.rule() == RuleName.MAX_LOSS)
                .findFirst().orElseThrow();
        assertThat(r.peek(at(5)).orElseThrow().checks()).isEqualTo(e.peek(at(5)).orElseThrow().checks());
        assertThat(maxLoss.threshold()).as("the floor hangs from the peak, not from the initial balance")
                .isGreaterThan(new BigDecimal("20000"));
    }

    @Test
    void everyStateRoundTrips() {
        RuleSet rs = Tiers.predictionMarkets25k();
        InstrumentId poly = InstrumentId.of("POLY:111");
        AssessmentEngine e = Engines.engine("A", rs);
        assertThat(restored(e, rs).state()).isEqualTo(AssessmentState.CREATED);
        e.start(T0);
        e.onQuote(Quote.top(poly, "0.40", "0.41", "1000", "1000", at(1)));
        e.placeOrder(OrderRequest.market("b", poly, Side.BUY, "100"), at(2));
        e.onTickSize(poly, new BigDecimal("0.001"), at(3));
        e.onMarketStatus(poly, MarketStatus.HALTED, at(4));
        e.onTimer(at(200)); // stale: degraded
        AssessmentEngine r = restored(e, rs);
        assertThat(r.snapshot().tickSizes()).containsKey("POLY:111");
        assertThat(r.snapshot().degradedSince()).containsKey("POLY:111");
        both(e, r, new EngineInput.StatusChanged(poly, MarketStatus.OPEN, at(201)));
        both(e, r, new EngineInput.QuoteReceived(Quote.top(poly, "0.405", "0.406", "1000", "1000", at(202))));
        both(e, r, new EngineInput.PlaceOrder(OrderRequest.limit("l", poly, Side.BUY, "10", "0.401",
                TimeInForce.GTC), at(203)));
        both(e, r, new EngineInput.Pause(at(204)));
        r = restored(e, rs);
        both(e, r, new EngineInput.Timer(at(86_400 * 3)));
        both(e, r, new EngineInput.Resume(at(86_400 * 3 + 1)));
        both(e, r, new EngineInput.AdminFail("test", at(86_400 * 3 + 2)));
        r = restored(e, rs);
        assertThat(r.state()).isEqualTo(AssessmentState.FAILED);
        assertThat(r.account().orElseThrow().closedDays()).isEqualTo(e.account().orElseThrow().closedDays())
                .hasSize(3);
        assertThat(r.lastEvaluation()).isEqualTo(e.lastEvaluation());
    }

    @Test
    void refusesSnapshotsThatDoNotFit() {
        RuleSet rs = Tiers.cryptoTwoStep100k();
        AssessmentEngine e = Engines.engine("A", rs);
        e.start(T0);
        e.onQuote(btc("60000", "60010", at(1)));
        e.placeOrder(OrderRequest.limit("l1", BTC, Side.BUY, "1", "59900", TimeInForce.GTC), at(2));
        EngineSnapshot s = e.snapshot();
        assertThatThrownBy(() -> AssessmentEngine.restore("B", rs, Engines.settings(), s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not B");
        assertThatThrownBy(() -> AssessmentEngine.restore("A", Tiers.cryptoOneStep50kTrailing(), Engines.settings(),
                s)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initial balance");
        assertRefused(rs, with(s, x -> new EngineSnapshot(2, x.assessmentId(), x.lifecycle(), x.phase(),
                x.account(), x.lastEvaluation(), x.workingOrders(), x.seenOrderKeys(), x.quotes(),
                x.marketStatuses(), x.degradedSince(), x.tradeSeq(), x.violationSeq(), x.tickSizes())), "format");
        assertRefused(rs, with(s, x -> new EngineSnapshot(1, x.assessmentId(), x.lifecycle(), 2,
                x.account(), x.lastEvaluation(), x.workingOrders(), x.seenOrderKeys(), x.quotes(),
                x.marketStatuses(), x.degradedSince(), x.tradeSeq(), x.violationSeq(), x.tickSizes())), "phase");
        assertRefused(rs, with(s, x -> new EngineSnapshot(1, x.assessmentId(), new EngineSnapshot.LifecycleState(
                AssessmentState.PASSED, null, null, null), x.phase(), x.account(), x.lastEvaluation(),
                x.workingOrders(), x.seenOrderKeys(), x.quotes(), x.marketStatuses(), x.degradedSince(),
                x.tradeSeq(), x.violationSeq(), x.tickSizes())), "working orders in PASSED");
        assertRefused(rs, with(s, x -> new EngineSnapshot(1, x.assessmentId(), x.lifecycle(), x.phase(),
                x.account(), x.lastEvaluation(), x.workingOrders(), List.of(), x.quotes(), x.marketStatuses(),
                x.degradedSince(), x.tradeSeq(), x.violationSeq(), x.tickSizes())), "never placed");
        assertRefused(rs, with(s, x -> new EngineSnapshot(1, x.assessmentId(), new EngineSnapshot.LifecycleState(
                AssessmentState.CREATED, null, null, null), x.phase(), x.account(), x.lastEvaluation(),
                x.workingOrders(), x.seenOrderKeys(), x.quotes(), x.marketStatuses(), x.degradedSince(),
                x.tradeSeq(), x.violationSeq(), x.tickSizes())), "before the start");
        AccountState a = s.account();
        AccountState unbalanced = new AccountState(a.accountId(), a.initialBalance(), a.tradingDayMinNotional(),
                a.startDay(), a.cash().add(BigDecimal.ONE), a.realized(), a.fees(), a.positions(), a.marks(),
                a.closedDays(), a.positionSeq(), a.peakEquity(), a.highestCloseBalance(), a.tradingDays(),
                a.lastTradeDay(), a.bestClosedDayPnl(), a.today());
        assertRefused(rs, with(s, x -> new EngineSnapshot(1, x.assessmentId(), x.lifecycle(), x.phase(),
                unbalanced, x.lastEvaluation(), x.workingOrders(), x.seenOrderKeys(), x.quotes(),
                x.marketStatuses(), x.degradedSince(), x.tradeSeq(), x.violationSeq(), x.tickSizes())),
                "initial + realized");
        assertRefused(rs, with(s, x -> new EngineSnapshot(1, x.assessmentId(), x.lifecycle(), x.phase(),
                x.account(), x.lastEvaluation(), x.workingOrders(), x.seenOrderKeys(), x.quotes(),
                x.marketStatuses(), x.degradedSince(), x.tradeSeq(), x.violationSeq(),
                java.util.Map.of("BTC-USD", new BigDecimal("0.1")))), "prediction-market");
    }

    private static EngineSnapshot with(EngineSnapshot s, UnaryOperator<EngineSnapshot> change) {
        return change.apply(s);
    }

    private static void assertRefused(RuleSet rs, EngineSnapshot s, String why) {
        assertThatThrownBy(() -> AssessmentEngine.restore("A", rs, Engines.settings(), s))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why);
    }
}
