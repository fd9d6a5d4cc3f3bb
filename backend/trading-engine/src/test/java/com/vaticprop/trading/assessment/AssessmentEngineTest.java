package com.vaticprop.trading.assessment;

import com.vaticprop.trading.assessment.EngineEvent.Completed;
import com.vaticprop.trading.assessment.EngineEvent.OrderCancelled;
import com.vaticprop.trading.assessment.EngineEvent.OrderRejected;
import com.vaticprop.trading.assessment.EngineEvent.PhasePassed;
import com.vaticprop.trading.assessment.EngineEvent.StateChanged;
import com.vaticprop.trading.assessment.EngineEvent.ViolationDetected;
import com.vaticprop.trading.fixtures.Engines;
import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.pretrade.PreTradeCheck;
import com.vaticprop.trading.rules.RuleName;
import com.vaticprop.trading.ruleset.ExposureLimits;
import com.vaticprop.trading.ruleset.RuleSet;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssessmentEngineTest {
    private static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Quote btc(String bid, String ask, String size, Instant at) {
        return Quote.top(BTC, bid, ask, size, size, at);
    }

    private static AssessmentEngine started(RuleSet rs) {
        AssessmentEngine e = Engines.engine("A", rs);
        e.start(T0);
        return e;
    }

    @Test
    void ordersBeforeStartAreRejectedAndStartOpensAnAccount() {
        AssessmentEngine e = Engines.engine("A", Tiers.cryptoTwoStep100k());
        EngineResult r = e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "1"), T0);
        assertThat(r.eventsOf(OrderRejected.class)).singleElement()
                .satisfies(x -> assertThat(x.rejection().check()).isEqualTo(PreTradeCheck.ASSESSMENT_ACTIVE));
        EngineResult s = e.start(T0);
        assertThat(s.eventsOf(StateChanged.class)).singleElement()
                .satisfies(x -> assertThat(x.to()).isEqualTo(AssessmentState.ACTIVE));
        assertThat(e.account().orElseThrow().accountId()).isEqualTo("A-A1");
        assertThat(e.account().orElseThrow().balance()).isEqualByComparingTo("100000");
    }

    @Test
    void marketOrderFillsAtTheAskWithTheTakerFeeAndIocCancelsTheRest() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        e.onQuote(btc("60000", "60010", "0.5", at(1)));
        EngineResult r = e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "0.8"), at(2));
        Fill fill = r.fills().get(0);
        assertThat(fill.qty()).isEqualByComparingTo("0.5");
        assertThat(fill.price()).isEqualByComparingTo("60010");
        assertThat(fill.fee()).isEqualByComparingTo("30.005"); // 10 bps of 30005
        assertThat(fill.quote().receivedTs()).isEqualTo(at(1));
        assertThat(fill.tradeId()).isEqualTo("A-T1");
        assertThat(r.eventsOf(EngineEvent.PositionOpened.class)).hasSize(1);
        assertThat(r.eventsOf(OrderCancelled.class)).singleElement()
                .satisfies(c -> assertThat(c.reason()).contains("IOC remainder 0.3"));
        assertThat(r.checks()).extracting(c -> c.rule()).contains(RuleName.DAILY_LOSS, RuleName.MAX_LOSS);
        assertThat(e.workingOrders()).isEmpty();
    }

    @Test
    void gtcLimitRestsUntilAQuoteReachesItAndCanBeCancelled() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        e.onQuote(btc("60000", "60010", "5", at(1)));
        EngineResult placed = e.placeOrder(OrderRequest.limit("o1", BTC, Side.BUY, "1", "59900", TimeInForce.GTC),
                at(2));
        assertThat(placed.fills()).isEmpty();
        assertThat(e.workingOrders()).hasSize(1);
        assertThat(e.onQuote(btc("59950", "59960", "5", at(3))).fills()).isEmpty();
        EngineResult hit = e.onQuote(btc("59880", "59890", "0.4", at(4)));
        assertThat(hit.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("59890");
            assertThat(f.qty()).isEqualByComparingTo("0.4");
        });
        assertThat(e.workingOrders()).singleElement()
                .satisfies(w -> assertThat(w.remaining()).isEqualByComparingTo("0.6"));
        EngineResult cancelled = e.cancelOrder("o1", at(5));
        assertThat(cancelled.eventsOf(OrderCancelled.class)).hasSize(1);
        assertThat(e.onQuote(btc("59000", "59010", "5", at(6))).fills()).isEmpty();
    }

    @Test
    void stopMarketTriggersOnTheBidAndReduceOnlyNeverFlips() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        e.onQuote(btc("60000", "60010", "5", at(1)));
        e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "1"), at(2));
        EngineResult placed = e.placeOrder(OrderRequest.stop("s1", BTC, Side.SELL, "3", "59500").asReduceOnly(),
                at(3));
        assertThat(placed.fills()).isEmpty();
        assertThat(e.onQuote(btc("59501", "59510", "5", at(4))).fills()).isEmpty();
        EngineResult hit = e.onQuote(btc("59450", "59460", "5", at(5)));
        assertThat(hit.fills()).singleElement().satisfies(f -> {
            assertThat(f.qty()).as("capped at the position").isEqualByComparingTo("1");
            assertThat(f.price()).isEqualByComparingTo("59450");
        });
        assertThat(e.account().orElseThrow().positions()).isEmpty();
        assertThat(e.workingOrders()).isEmpty();
    }

    @Test
    void fillDelayWaitsForTheFirstQuoteAfterTheDelay() {
        RuleSet base = Tiers.cryptoTwoStep100k();
        RuleSet delayed = new RuleSet(base.initialBalance(), base.currency(), base.dayBoundary(), base.instruments(),
                base.profitSplitPct(), base.phases(), base.tradingDay(), base.dailyLoss(), base.maxLoss(),
                base.consistency(), base.inactivityDays(), new ExposureLimits(new BigDecimal("2"), null, null, null,
                500));
        AssessmentEngine e = started(delayed);
        e.onQuote(btc("60000", "60010", "5", at(1)));
        Instant placedAt = at(2);
        assertThat(e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "1"), placedAt).fills()).isEmpty();
        assertThat(e.onQuote(btc("60100", "60110", "5", placedAt.plusMillis(499))).fills()).isEmpty();
        EngineResult r = e.onQuote(btc("60200", "60210", "5", placedAt.plusMillis(500)));
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.price()).isEqualByComparingTo("60210");
            assertThat(f.quote().receivedTs()).isEqualTo(placedAt.plusMillis(500));
        });
    }

    @Test
    void duplicateIdempotencyKeysAndStaleQuotesAreRejectedByName() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        e.onQuote(btc("60000", "60010", "5", at(1)));
        e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "0.1"), at(2));
        assertThat(e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "0.1"), at(3))
                .eventsOf(OrderRejected.class)).singleElement()
                .satisfies(x -> assertThat(x.rejection().check()).isEqualTo(PreTradeCheck.DUPLICATE_ORDER));
        assertThat(e.placeOrder(OrderRequest.market("o2", BTC, Side.BUY, "0.1"), at(7))
                .eventsOf(OrderRejected.class)).singleElement()
                .satisfies(x -> assertThat(x.rejection().check()).isEqualTo(PreTradeCheck.QUOTE_FRESH));
    }

    @Test
    void breachFailsWithTheReasonTheViolationAndItsQuoteThenAdminCanReinstate() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        e.onQuote(btc("60000", "60000", "5", at(1)));
        e.placeOrder(OrderRequest.limit("o1", BTC, Side.BUY, "1", "60000", TimeInForce.GTC), at(2));
        e.placeOrder(OrderRequest.limit("o2", BTC, Side.BUY, "1", "50000", TimeInForce.GTC), at(3));
        Quote crash = btc("57440", "57450", "5", at(4));
        EngineResult r = e.onQuote(crash);
        // balance 100000 − 60 fee = 99940; long 1 from 60000 marked at 57440 → equity 97380 > 95000 daily floor
        assertThat(r.eventsOf(ViolationDetected.class)).isEmpty();
        Quote worse = btc("55060", "55070", "5", at(5)); // 99940 − 4940 = 95000: touches the floor
        r = e.onQuote(worse);
        ViolationDetected v = r.eventsOf(ViolationDetected.class).get(0);
        assertThat(v.check().rule()).isEqualTo(RuleName.DAILY_LOSS);
        assertThat(v.quote()).isEqualTo(worse);
        assertThat(v.violationId()).isEqualTo("A-V1");
        assertThat(r.eventsOf(Completed.class)).singleElement().satisfies(c -> {
            assertThat(c.result()).isEqualTo(AssessmentState.FAILED);
            assertThat(c.reason()).isEqualTo("DAILY_LOSS");
            // the position is closed at the breach mark (bid 55060) less the 0.1 % fee: 95000 − 55.06
            assertThat(c.finalBalance()).isEqualByComparingTo("94944.94");
            assertThat(c.finalEquity()).isEqualByComparingTo("94944.94");
        });
        assertThat(r.eventsOf(OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly("o2");
        EngineEvent.OrderAccepted close = r.eventsOf(EngineEvent.OrderAccepted.class).getFirst();
        assertThat(close.order().reduceOnly()).isTrue();
        assertThat(close.order().side()).isEqualTo(Side.SELL);
        assertThat(close.order().idempotencyKey()).isEqualTo("liquidation:A-V1:1");
        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.orderId()).isEqualTo(close.order().orderId());
            assertThat(f.price()).isEqualByComparingTo("55060");
            assertThat(f.qty()).isEqualByComparingTo("1");
            assertThat(f.fee()).isEqualByComparingTo("55.06");
            assertThat(f.quote()).isEqualTo(worse);
        });
        assertThat(r.eventsOf(EngineEvent.PositionClosed.class)).singleElement()
                .satisfies(p -> assertThat(p.position().exitPrice()).isEqualByComparingTo("55060"));
        assertThat(r.events().getLast()).isInstanceOf(Completed.class);
        assertThat(e.account().orElseThrow().positions()).isEmpty();
        assertThat(e.state()).isEqualTo(AssessmentState.FAILED);
        assertThat(e.lifecycle().failureReason()).isEqualTo(FailureReason.DAILY_LOSS);
        assertThat(e.placeOrder(OrderRequest.market("o3", BTC, Side.SELL, "1"), at(6))
                .eventsOf(OrderRejected.class)).hasSize(1);

        assertThatThrownBy(() -> e.reinstate("A-V9", "admin@vatic", "bad tick", at(7)))
                .isInstanceOf(IllegalArgumentException.class);
        EngineResult back = e.reinstate("A-V1", "admin@vatic", "bad tick", at(8));
        assertThat(back.eventsOf(EngineEvent.Reinstated.class)).hasSize(1);
        assertThat(e.state()).isEqualTo(AssessmentState.ACTIVE);
        assertThat(e.onQuote(btc("60000", "60010", "5", at(9))).eventsOf(ViolationDetected.class)).isEmpty();
    }

    @Test
    void aBreachClosesEveryPositionAtItsMarkWithTheSameOrderIdsOnEveryRun() {
        InstrumentId eth = InstrumentId.of("ETH-USD");
        java.util.function.Supplier<EngineResult> run = () -> {
            AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
            e.onQuote(Quote.top(eth, "3000", "3001", "100", "100", at(1)));
            e.onQuote(btc("60000", "60000", "5", at(1)));
            e.placeOrder(OrderRequest.market("short", eth, Side.SELL, "10"), at(2)); // short 10 ETH at the bid 3000
            e.placeOrder(OrderRequest.market("long", BTC, Side.BUY, "1"), at(2));    // long 1 BTC at 60000
            e.onQuote(Quote.top(eth, "3099", "3100", "100", "100", at(3)));          // short marked at the ask: −1000
            EngineResult r = e.onQuote(btc("55000", "55010", "5", at(4)));           // long −5000: floor touched
            assertThat(e.account().orElseThrow().positions()).isEmpty();
            return r;
        };
        EngineResult first = run.get();
        assertThat(first.eventsOf(ViolationDetected.class)).hasSize(1);
        assertThat(first.fills()).extracting(f -> f.instrument().value() + " " + f.side() + " "
                        + f.qty().stripTrailingZeros().toPlainString() + " @ " + f.price().stripTrailingZeros()
                        .toPlainString())
                .containsExactlyInAnyOrder("BTC-USD SELL 1 @ 55000", "ETH-USD BUY 10 @ 3100");
        assertThat(first.eventsOf(EngineEvent.PositionClosed.class)).hasSize(2);
        assertThat(first.eventsOf(EngineEvent.OrderAccepted.class)).allSatisfy(a -> {
            assertThat(a.order().reduceOnly()).isTrue();
            assertThat(a.order().type()).isEqualTo(com.vaticprop.trading.order.OrderType.MARKET);
        });
        assertThat(run.get().fills()).extracting(f -> f.orderId())
                .containsExactlyElementsOf(first.fills().stream().map(f -> f.orderId()).toList());
    }

    @Test
    void twoStepTierMovesToTheNextPhaseWithAFreshAccountThenPasses() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        // Challenge: +10% needs 4 trading days; trade small on days 1–3, then make the target on day 4
        for (int d = 0; d < 3; d++) {
            Instant day = T0.plus(java.time.Duration.ofDays(d));
            e.onQuote(btc("60000", "60000", "5", day));
            e.placeOrder(OrderRequest.market("b" + d, BTC, Side.BUY, "0.01"), day);
            e.placeOrder(OrderRequest.market("s" + d, BTC, Side.SELL, "0.01"), day.plusSeconds(1));
        }
        Instant day4 = T0.plus(java.time.Duration.ofDays(3));
        e.onQuote(btc("60000", "60000", "5", day4));
        e.placeOrder(OrderRequest.market("big", BTC, Side.BUY, "3"), day4);
        e.onQuote(btc("63800", "63800", "5", day4.plusSeconds(60)));
        EngineResult pass1 = e.placeOrder(OrderRequest.market("close", BTC, Side.SELL, "3"), day4.plusSeconds(61));
        // 100000 + 3 × 3800 − fees (6 × 0.6 + 180 + 191.4) = 111025 ≥ 110000, flat
        assertThat(pass1.eventsOf(PhasePassed.class)).singleElement().satisfies(p -> {
            assertThat(p.phase()).isZero();
            assertThat(p.nextPhase()).isEqualTo(1);
            assertThat(p.newAccountId()).isEqualTo("A-A2");
            assertThat(p.initialBalance()).isEqualByComparingTo("100000");
        });
        assertThat(e.state()).isEqualTo(AssessmentState.ACTIVE);
        assertThat(e.phase()).isEqualTo(1);
        assertThat(e.account().orElseThrow().balance()).isEqualByComparingTo("100000");
        assertThat(e.account().orElseThrow().closedPositions()).isEmpty();

        // Verification: +5%, 4 days, starting on day 4 (which is day 1 of the new phase)
        for (int d = 4; d < 7; d++) {
            Instant day = T0.plus(java.time.Duration.ofDays(d));
            e.onQuote(btc("60000", "60000", "5", day));
            e.placeOrder(OrderRequest.market("vb" + d, BTC, Side.BUY, "0.01"), day);
            e.placeOrder(OrderRequest.market("vs" + d, BTC, Side.SELL, "0.01"), day.plusSeconds(1));
        }
        Instant last = T0.plus(java.time.Duration.ofDays(7));
        e.onQuote(btc("60000", "60000", "5", last));
        e.placeOrder(OrderRequest.market("vbig", BTC, Side.BUY, "2"), last);
        e.onQuote(btc("62700", "62700", "5", last.plusSeconds(60)));
        EngineResult done = e.placeOrder(OrderRequest.market("vclose", BTC, Side.SELL, "2"), last.plusSeconds(61));
        assertThat(done.eventsOf(Completed.class)).singleElement().satisfies(c -> {
            assertThat(c.result()).isEqualTo(AssessmentState.PASSED);
            assertThat(c.reason()).isEqualTo("TARGET_MET");
        });
        assertThat(done.eventsOf(EngineEvent.FundedEligible.class)).singleElement()
                .satisfies(f -> assertThat(f.profitSplitPct()).isEqualByComparingTo("80"));
        assertThat(e.state()).isEqualTo(AssessmentState.PASSED);
    }

    @Test
    void runningOutOfTimeFailsWithTimeLimitOnTheTimer() {
        RuleSet pm = Tiers.predictionMarkets25k(); // 60 days, UTC; drop the inactivity limit for this one
        RuleSet noInactivity = new RuleSet(pm.initialBalance(), pm.currency(), pm.dayBoundary(), pm.instruments(),
                pm.profitSplitPct(), pm.phases(), pm.tradingDay(), pm.dailyLoss(), pm.maxLoss(), pm.consistency(),
                null, pm.exposure());
        AssessmentEngine e = started(noInactivity);
        EngineResult early = e.onTimer(Instant.parse("2026-07-02T23:59:59Z"));
        assertThat(e.state()).isEqualTo(AssessmentState.ACTIVE);
        assertThat(early.eventsOf(EngineEvent.DayClosed.class)).hasSize(59);
        EngineResult r = e.onTimer(Instant.parse("2026-07-03T00:00:00Z"));
        assertThat(e.state()).isEqualTo(AssessmentState.FAILED);
        assertThat(e.lifecycle().failureReason()).isEqualTo(FailureReason.TIME_LIMIT);
        assertThat(r.eventsOf(Completed.class)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("TIME_LIMIT"));
        assertThat(r.eventsOf(ViolationDetected.class)).singleElement()
                .satisfies(v -> assertThat(v.quote()).isNull());
    }

    @Test
    void inactivityFailsAtTheDayRollThatCompletesTheIdleDays() {
        AssessmentEngine e = started(Tiers.predictionMarkets25k()); // 14 days; start 4 May, no fill
        EngineResult r = e.onTimer(Instant.parse("2026-06-01T00:00:00Z"));
        assertThat(r.eventsOf(Completed.class)).singleElement().satisfies(c -> {
            assertThat(c.reason()).isEqualTo("INACTIVITY");
            assertThat(c.at()).isEqualTo(Instant.parse("2026-05-19T00:00:00Z"));
        });
        assertThat(r.eventsOf(EngineEvent.DayClosed.class)).as("no rolls after the failure").hasSize(15);
    }

    @Test
    void predictionMarketLifecycleSettlesAndCancelsOnResolution() {
        AssessmentEngine e = started(Tiers.predictionMarkets25k());
        InstrumentId yes = InstrumentId.of("KALSHI:FED-23DEC-T3.00:YES");
        e.onQuote(Quote.top(yes, "0.40", "0.42", "1000", "1000", at(1)));
        EngineResult buy = e.placeOrder(OrderRequest.market("b", yes, Side.BUY, "100"), at(2));
        assertThat(buy.fills().get(0).fee()).isEqualByComparingTo("1.71"); // ceil(0.07 × 100 × 0.42 × 0.58)
        e.placeOrder(OrderRequest.limit("l", yes, Side.BUY, "100", "0.30", TimeInForce.GTC), at(3));
        assertThat(e.onMarketStatus(yes, MarketStatus.HALTED, at(4)).events()).isEmpty();
        assertThat(e.placeOrder(OrderRequest.market("x", yes, Side.BUY, "1"), at(5))
                .eventsOf(OrderRejected.class)).singleElement()
                .satisfies(x -> assertThat(x.rejection().check()).isEqualTo(PreTradeCheck.MARKET_OPEN));
        EngineResult res = e.onResolution(yes, BigDecimal.ONE, at(6));
        assertThat(res.eventsOf(OrderCancelled.class)).extracting(OrderCancelled::orderId).containsExactly("l");
        assertThat(res.eventsOf(EngineEvent.PositionClosed.class)).singleElement()
                .satisfies(p -> assertThat(p.position().realizedPnl()).isEqualByComparingTo("58"));
        assertThat(e.account().orElseThrow().cash()).isEqualByComparingTo("25056.29");
    }

    @Test
    void staleMarksRaiseMonitoringDegradedUntilAFreshQuote() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        e.onQuote(btc("60000", "60010", "5", at(1)));
        e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "0.1"), at(2));
        assertThat(e.onTimer(at(6)).eventsOf(EngineEvent.MonitoringDegraded.class)).isEmpty();
        EngineResult stale = e.onTimer(at(7));
        assertThat(stale.eventsOf(EngineEvent.MonitoringDegraded.class)).singleElement().satisfies(m -> {
            assertThat(m.recovered()).isFalse();
            assertThat(m.since()).isEqualTo(at(6));
        });
        assertThat(e.onTimer(at(8)).eventsOf(EngineEvent.MonitoringDegraded.class)).as("once").isEmpty();
        assertThat(e.onQuote(btc("60000", "60010", "5", at(9))).eventsOf(EngineEvent.MonitoringDegraded.class))
                .singleElement().satisfies(m -> assertThat(m.recovered()).isTrue());
    }

    @Test
    void pausedAssessmentsTakeNoOrdersAndCanBeAbandoned() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        e.onQuote(btc("60000", "60010", "5", at(1)));
        e.pause(at(2));
        assertThat(e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "0.1"), at(3))
                .eventsOf(OrderRejected.class)).hasSize(1);
        EngineResult r = e.abandon(AbandonReason.REFUND, at(4));
        assertThat(r.eventsOf(StateChanged.class)).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo(AssessmentState.PAUSED);
            assertThat(s.to()).isEqualTo(AssessmentState.ABANDONED);
            assertThat(s.reason()).isEqualTo("REFUND");
        });
        assertThatThrownBy(() -> e.resume(at(5))).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void anOrderAfterTheDeadlineFailsThePhaseBeforeItIsConsidered() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k()); // Challenge: 30 days from 4 May (Prague)
        e.onQuote(btc("60000", "60010", "5", Instant.parse("2026-06-02T21:59:58Z")));
        Instant late = Instant.parse("2026-06-02T22:00:00Z"); // 3 June 00:00 CEST = day 31
        EngineResult r = e.placeOrder(OrderRequest.market("late", BTC, Side.BUY, "0.1"), late);
        assertThat(r.eventsOf(Completed.class)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("TIME_LIMIT"));
        assertThat(r.eventsOf(OrderRejected.class)).singleElement()
                .satisfies(x -> assertThat(x.rejection().check()).isEqualTo(PreTradeCheck.ASSESSMENT_ACTIVE));
        assertThat(r.fills()).isEmpty();
    }

    @Test
    void preTradeChecksAreRecordedWithTheOrder() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        e.onQuote(btc("60000", "60010", "5", at(1)));
        EngineResult r = e.placeOrder(OrderRequest.limit("o1", BTC, Side.BUY, "0.1", "59000", TimeInForce.GTC),
                at(2));
        assertThat(r.checks()).isNotEmpty().allSatisfy(c ->
                assertThat(c.point()).isEqualTo(com.vaticprop.trading.rules.EvaluationPoint.PRE_TRADE));
    }

    @Test
    void polymarketSharesUseTheirMarketsFeeTickAndSharedCostCap() {
        InstrumentId yes = InstrumentId.of("POLY:1001");
        InstrumentId no = InstrumentId.of("POLY:1002");
        var fee = new com.vaticprop.trading.instrument.FeeModel.PolymarketTaker(new BigDecimal("0.07"), 1);
        var catalog = com.vaticprop.trading.instrument.InstrumentCatalog.standard(BigDecimal.TEN)
                .with(new com.vaticprop.trading.instrument.Instrument.OutcomeShare(yes, "0xcond",
                        new BigDecimal("0.01"), new BigDecimal("0.01"), fee))
                .with(new com.vaticprop.trading.instrument.Instrument.OutcomeShare(no, "0xcond",
                        new BigDecimal("0.01"), new BigDecimal("0.01"), fee));
        AssessmentEngine e = new AssessmentEngine("A", Tiers.predictionMarkets25k(), new EngineSettings(catalog,
                new com.vaticprop.trading.order.SlippageModel.None(),
                com.vaticprop.trading.market.StalenessPolicy.DEFAULT));
        e.start(T0);
        Quote yesQuote = Quote.top(yes, "0.48", "0.50", "5000", "5000", at(1));
        e.onQuote(yesQuote);
        e.onQuote(com.vaticprop.trading.market.OutcomePricing.complement(yesQuote, no));
        EngineResult buyYes = e.placeOrder(OrderRequest.market("y", yes, Side.BUY, "100"), at(2));
        // documented example: 100 × 0.07 × 0.50 × 0.50 = 1.75
        assertThat(buyYes.fills().get(0).fee()).isEqualByComparingTo("1.75");
        // NO ask = 1 − YES bid = 0.52; the market cap is 5% of 25000 = 1250 shared by both outcomes (50 already in)
        assertThat(e.placeOrder(OrderRequest.market("n1", no, Side.BUY, "2308"), at(3))
                .eventsOf(OrderRejected.class)).singleElement()
                .satisfies(x -> assertThat(x.rejection().check()).isEqualTo(PreTradeCheck.MARKET_COST));
        EngineResult buyNo = e.placeOrder(OrderRequest.market("n2", no, Side.BUY, "2307"), at(4));
        assertThat(buyNo.fills()).singleElement().satisfies(f -> assertThat(f.price()).isEqualByComparingTo("0.52"));
        // a tick change lets a 0.001-grid limit price through
        assertThat(e.placeOrder(OrderRequest.limit("l1", yes, Side.SELL, "10", "0.971", TimeInForce.GTC), at(5))
                .eventsOf(OrderRejected.class)).singleElement()
                .satisfies(x -> assertThat(x.rejection().check()).isEqualTo(PreTradeCheck.ORDER_VALID));
        e.apply(new EngineInput.TickSizeChanged(yes, new BigDecimal("0.001"), at(6)));
        assertThat(e.placeOrder(OrderRequest.limit("l2", yes, Side.SELL, "10", "0.971", TimeInForce.GTC), at(7))
                .eventsOf(EngineEvent.OrderAccepted.class)).hasSize(1);
    }

    /** End to end through the engine's own day rolls: the Prague DST example of DailyLossRuleTest. */
    private static AssessmentEngine pragueSession() {
        AssessmentEngine e = new AssessmentEngine("D", Tiers.cryptoTwoStep100k(), new EngineSettings(
                com.vaticprop.trading.instrument.InstrumentCatalog.standard(BigDecimal.ZERO),
                new com.vaticprop.trading.order.SlippageModel.None(),
                com.vaticprop.trading.market.StalenessPolicy.DEFAULT));
        e.start(Instant.parse("2026-03-27T08:00:00Z"));
        String[][] script = {
                {"2026-03-27T08:00:00Z", "60000", "BUY"}, {"2026-03-27T09:00:00Z", "61250", "SELL"},
                {"2026-03-29T10:00:00Z", "60000", "BUY"}, {"2026-03-29T11:00:00Z", "57000", "SELL"},
                {"2026-03-29T21:00:00Z", "57000", "BUY"}};
        int n = 0;
        for (String[] step : script) {
            Instant t = Instant.parse(step[0]);
            e.onQuote(btc(step[1], step[1], "5", t));
            e.placeOrder(OrderRequest.market("o" + (++n), BTC, Side.valueOf(step[2]), "1"), t);
        }
        return e;
    }

    @Test
    void engineRollsPragueDaysAcrossTheDstChange() {
        AssessmentEngine before = pragueSession();
        EngineResult r = before.onQuote(btc("53750", "53760", "5", Instant.parse("2026-03-29T21:59:30Z")));
        assertThat(r.eventsOf(ViolationDetected.class)).singleElement().satisfies(v -> {
            assertThat(v.check().rule()).isEqualTo(RuleName.DAILY_LOSS);
            assertThat(v.check().threshold()).isEqualByComparingTo("96250");
        });

        AssessmentEngine after = pragueSession();
        EngineResult next = after.onQuote(btc("53750", "53760", "5", Instant.parse("2026-03-29T22:00:01Z")));
        assertThat(next.eventsOf(EngineEvent.DayClosed.class)).singleElement().satisfies(d -> {
            assertThat(d.day().day()).hasToString("2026-03-29");
            assertThat(d.at()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
            assertThat(d.day().closeBalance()).isEqualByComparingTo("98250");
        });
        assertThat(next.eventsOf(ViolationDetected.class)).isEmpty();
        assertThat(after.state()).isEqualTo(AssessmentState.ACTIVE);
    }

    @Test
    void anIllegalCommandChangesNothingAndACommandAfterADeadlineSeesTheDayRollFirst() {
        AssessmentEngine e = started(Tiers.predictionMarkets25k()); // inactivity 14 days from 4 May
        Instant later = Instant.parse("2026-05-10T00:00:00Z");
        assertThatThrownBy(() -> e.resume(later)).isInstanceOf(IllegalTransitionException.class);
        assertThat(e.account().orElseThrow().day()).as("no day was rolled by the refused command")
                .hasToString("2026-05-04");
        EngineResult paused = e.pause(later);
        assertThat(paused.eventsOf(EngineEvent.DayClosed.class)).hasSize(6);
        assertThat(paused.eventsOf(StateChanged.class)).singleElement()
                .satisfies(s -> assertThat(s.to()).isEqualTo(AssessmentState.PAUSED));
        // while paused the clock still runs: inactivity fails it at 19 May, and the resume is not applied
        EngineResult resumed = e.resume(Instant.parse("2026-05-20T00:00:00Z"));
        assertThat(resumed.eventsOf(Completed.class)).singleElement()
                .satisfies(c -> assertThat(c.reason()).isEqualTo("INACTIVITY"));
        assertThat(resumed.eventsOf(StateChanged.class)).singleElement()
                .satisfies(s -> assertThat(s.to()).isEqualTo(AssessmentState.FAILED));
        assertThat(e.state()).isEqualTo(AssessmentState.FAILED);
    }

    @Test
    void adminFailureCompletesWithReasonAdmin() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        EngineResult r = e.adminFail("chargeback", at(10));
        assertThat(r.eventsOf(Completed.class)).singleElement().satisfies(c -> {
            assertThat(c.result()).isEqualTo(AssessmentState.FAILED);
            assertThat(c.reason()).isEqualTo("ADMIN");
        });
        assertThat(e.lifecycle().failureReason()).isEqualTo(FailureReason.ADMIN);
    }

    @Test
    void anOutOfOrderQuoteNeverReplacesANewerMark() {
        AssessmentEngine e = started(Tiers.cryptoTwoStep100k());
        e.onQuote(btc("60000", "60010", "5", at(1)));
        e.placeOrder(OrderRequest.market("o1", BTC, Side.BUY, "1"), at(2));
        e.onQuote(btc("61000", "61010", "5", at(4)));
        EngineResult late = e.onQuote(btc("50000", "50010", "5", at(3)));
        assertThat(late.events()).isEmpty();
        assertThat(late.checks()).isEmpty();
        assertThat(e.account().orElseThrow().mark(BTC).orElseThrow().bid()).isEqualByComparingTo("61000");
        assertThat(e.state()).isEqualTo(AssessmentState.ACTIVE);
    }

    @Test
    void voidedMarketUnwindsAtEntryAndResolutionsAreValidated() {
        AssessmentEngine e = started(Tiers.predictionMarkets25k());
        InstrumentId yes = InstrumentId.of("KALSHI:GAME-1:YES");
        e.onQuote(Quote.top(yes, "0.60", "0.62", "1000", "1000", at(1)));
        BigDecimal fee = e.placeOrder(OrderRequest.market("b", yes, Side.BUY, "100"), at(2)).fills().get(0).fee();
        assertThatThrownBy(() -> e.onResolution(yes, new BigDecimal("1.5"), at(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> e.onResolution(BTC, BigDecimal.ONE, at(3)))
                .isInstanceOf(IllegalArgumentException.class);
        EngineResult r = e.onResolution(yes, null, at(4));
        assertThat(r.eventsOf(EngineEvent.Settled.class)).singleElement()
                .satisfies(x -> assertThat(x.voided()).isTrue());
        assertThat(r.eventsOf(EngineEvent.PositionClosed.class)).singleElement().satisfies(p -> {
            assertThat(p.position().realizedPnl()).isEqualByComparingTo("0");
            assertThat(p.position().exitPrice()).isEqualByComparingTo("0.62");
        });
        assertThat(e.account().orElseThrow().balance()).isEqualByComparingTo(new BigDecimal("25000").subtract(fee));
        assertThat(e.placeOrder(OrderRequest.market("again", yes, Side.BUY, "1"), at(5))
                .eventsOf(OrderRejected.class)).singleElement()
                .satisfies(x -> assertThat(x.rejection().check()).isEqualTo(PreTradeCheck.MARKET_OPEN));
    }
}
