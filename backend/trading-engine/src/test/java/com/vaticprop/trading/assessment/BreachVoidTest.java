package com.vaticprop.trading.assessment;

import com.vaticprop.trading.assessment.EngineEvent.Reinstated;
import com.vaticprop.trading.assessment.EngineEvent.ViolationDetected;
import com.vaticprop.trading.fixtures.Engines;
import com.vaticprop.trading.fixtures.Tiers;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.OrderRequest;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.order.TimeInForce;
import com.vaticprop.trading.ruleset.RuleSet;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Voiding a breach caused by a bad tick: the reinstated engine must be indistinguishable from a twin that never saw
 * the tick — same account (cash, positions, marks, day anchors and equity extremes), same working orders, same last
 * evaluation — and must go on trading exactly like it. Only numbering differs: ids already handed out (the voided
 * trades, the violation) are never reused.
 */
class BreachVoidTest {
    private static final InstrumentId BTC = InstrumentId.of("BTC-USD");
    private static final InstrumentId ETH = InstrumentId.of("ETH-USD");
    private static final Instant T0 = Instant.parse("2026-05-04T08:00:00Z");

    private static Instant at(long seconds) {
        return T0.plusSeconds(seconds);
    }

    private static Quote btc(String bid, String ask, long second) {
        return Quote.top(BTC, bid, ask, "5", "5", at(second));
    }

    private static Quote eth(String bid, String ask, long second) {
        return Quote.top(ETH, bid, ask, "100", "100", at(second));
    }

    /** Two engines fed the same history; {@code twin} is the one that will never see the bad tick. */
    private record Pair(AssessmentEngine victim, AssessmentEngine twin) {
        static Pair of(RuleSet rs, Consumer<AssessmentEngine> history) {
            AssessmentEngine a = Engines.engine("A", rs);
            AssessmentEngine b = Engines.engine("A", rs);
            for (AssessmentEngine e : List.of(a, b)) {
                e.start(T0);
                history.accept(e);
            }
            return new Pair(a, b);
        }
    }

    private static void assertSameTraderState(AssessmentEngine reinstated, AssessmentEngine twin) {
        EngineSnapshot r = reinstated.snapshot();
        EngineSnapshot t = twin.snapshot();
        assertThat(r.lifecycle()).isEqualTo(t.lifecycle());
        assertThat(r.phase()).isEqualTo(t.phase());
        assertThat(r.account()).isEqualTo(t.account());
        assertThat(r.workingOrders()).isEqualTo(t.workingOrders());
        assertThat(r.lastEvaluation()).isEqualTo(t.lastEvaluation());
        assertThat(r.quotes()).isEqualTo(t.quotes());
        assertThat(r.preBreach()).isNull();
    }

    @Test
    void aBadTickOnAHeldInstrumentIsVoidedBackToTheExactStateWithoutIt() {
        Pair p = Pair.of(Tiers.cryptoTwoStep100k(), e -> {
            e.onQuote(btc("60000", "60010", 1));
            e.onQuote(eth("3000", "3001", 1));
            e.placeOrder(OrderRequest.market("long", BTC, Side.BUY, "1"), at(2));
            e.placeOrder(OrderRequest.market("short", ETH, Side.SELL, "5"), at(2));
            e.placeOrder(OrderRequest.limit("bid", ETH, Side.BUY, "1", "2500", TimeInForce.GTC), at(3));
            e.onQuote(btc("61000", "61010", 4)); // raises the peak and today's high
            e.onQuote(btc("59500", "59510", 5)); // today's low
        });
        AssessmentEngine e = p.victim();
        EngineResult breach = e.onQuote(btc("1000", "1010", 6)); // the bad tick
        ViolationDetected v = breach.eventsOf(ViolationDetected.class).getFirst();
        assertThat(e.state()).isEqualTo(AssessmentState.FAILED);
        assertThat(e.workingOrders()).isEmpty();
        assertThat(e.account().orElseThrow().positions()).isEmpty();
        assertThat(e.snapshot().preBreach()).isNotNull();

        EngineResult back = e.reinstate(v.violationId(), "admin@vatic", "bad tick from one venue", at(60));
        Reinstated r = back.eventsOf(Reinstated.class).getFirst();
        assertThat(r.restoredState()).isEqualTo(AssessmentState.ACTIVE);
        // the liquidation closed both positions with trades 3 and 4 (1 and 2 opened them)
        assertThat(r.voidedTradeIds()).containsExactly("A-T3", "A-T4");
        assertThat(r.voidedPositionIds()).isEmpty();
        assertThat(back.eventsOf(EngineEvent.StateChanged.class)).singleElement()
                .satisfies(s -> assertThat(s.to()).isEqualTo(AssessmentState.ACTIVE));
        assertSameTraderState(e, p.twin());

        // and it goes on exactly like the twin: same fills, same checks, same verdicts
        for (AssessmentEngine x : List.of(e, p.twin())) {
            x.onQuote(btc("59000", "59010", 70));
            x.onQuote(eth("2499", "2500", 71)); // fills the resting bid
            x.placeOrder(OrderRequest.market("close", BTC, Side.SELL, "1"), at(72));
        }
        assertSameTraderState(e, p.twin());
        assertThat(e.account().orElseThrow().balance()).isEqualByComparingTo(p.twin().account().orElseThrow()
                .balance());
    }

    @Test
    void fillsTheBadTickCausedAreVoidedAndTheirOrdersWorkAgain() {
        Pair p = Pair.of(Tiers.cryptoTwoStep100k(), e -> {
            e.onQuote(btc("60000", "60010", 1));
            e.placeOrder(OrderRequest.market("long", BTC, Side.BUY, "1"), at(2));
            e.placeOrder(OrderRequest.limit("add", BTC, Side.BUY, "1", "59000", TimeInForce.GTC), at(3));
        });
        AssessmentEngine e = p.victim();
        // the bad tick fills the resting bid at 59000 (a new fill), then marks 2 BTC far below the floor
        EngineResult breach = e.onQuote(btc("20000", "20010", 6));
        List<Fill> fills = breach.fills();
        assertThat(fills).hasSizeGreaterThanOrEqualTo(2); // the bid's fill, then the liquidation
        ViolationDetected v = breach.eventsOf(ViolationDetected.class).getFirst();

        EngineResult back = e.reinstate(v.violationId(), "admin@vatic", "bad tick", at(30));
        Reinstated r = back.eventsOf(Reinstated.class).getFirst();
        assertThat(r.voidedTradeIds()).containsExactlyElementsOf(fills.stream().map(Fill::tradeId).toList());
        assertThat(e.workingOrders()).singleElement().satisfies(w -> {
            assertThat(w.request().orderId()).isEqualTo("add");
            assertThat(w.filledQty()).isZero();
        });
        assertSameTraderState(e, p.twin());
    }

    @Test
    void aReinstatedEngineSurvivesASnapshotOfItsFailedStateAndDoesNotReuseIds() {
        Pair p = Pair.of(Tiers.cryptoTwoStep100k(), e -> {
            e.onQuote(btc("60000", "60010", 1));
            e.placeOrder(OrderRequest.market("long", BTC, Side.BUY, "1"), at(2));
        });
        AssessmentEngine e = p.victim();
        String violation = e.onQuote(btc("100", "110", 5)).eventsOf(ViolationDetected.class).getFirst()
                .violationId();
        EngineSnapshot failed = e.snapshot();
        AssessmentEngine restored = AssessmentEngine.restore("A", Tiers.cryptoTwoStep100k(), Engines.settings(),
                failed);
        assertThat(restored.snapshot()).isEqualTo(failed);

        restored.reinstate(violation, "admin@vatic", "bad tick", at(20));
        assertSameTraderState(restored, p.twin());
        // a second bad tick is a new violation with a new number, and its liquidation trade a new number
        EngineResult again = restored.onQuote(btc("100", "110", 25));
        assertThat(again.eventsOf(ViolationDetected.class).getFirst().violationId()).isEqualTo("A-V2");
        assertThat(again.fills().getFirst().tradeId()).isEqualTo("A-T3");
    }

    @Test
    void aBreachThatWasNotMeasuredOnAQuoteCannotBeVoided() {
        AssessmentEngine admin = Engines.engine("A", Tiers.cryptoTwoStep100k());
        admin.start(T0);
        admin.adminFail("cheating", at(1));
        assertThatThrownBy(() -> admin.reinstate(null, "admin@vatic", "oops", at(2)))
                .isInstanceOf(IllegalArgumentException.class);

        // a daily-loss breach found at the day roll (no quote) keeps no pre-breach state
        AssessmentEngine roll = Engines.engine("A", Tiers.cryptoTwoStep100k());
        roll.start(T0);
        roll.onQuote(btc("60000", "60010", 1));
        roll.placeOrder(OrderRequest.market("long", BTC, Side.BUY, "1"), at(2));
        roll.onQuote(btc("57000", "57010", 3)); // −3000: above the floor
        EngineSnapshot before = roll.snapshot();
        EngineResult timer = roll.onTimer(at(40 * 24 * 3600)); // far past the phase's maximum duration
        if (roll.state() == AssessmentState.FAILED) {
            String id = roll.lifecycle().violationId();
            assertThatThrownBy(() -> roll.reinstate(id, "admin@vatic", "oops", at(40 * 24 * 3600 + 1)))
                    .isInstanceOf(IllegalStateException.class);
            assertThat(roll.state()).isEqualTo(AssessmentState.FAILED);
        } else {
            throw new AssertionError("the timer was expected to fail the assessment: " + timer.events()
                    + " from " + before.lifecycle());
        }
        assertThatThrownBy(() -> roll.reinstate("A-V9", "admin@vatic", "wrong id", at(40 * 24 * 3600 + 2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPausedAssessmentBreachedByABadTickReturnsPaused() {
        Pair p = Pair.of(Tiers.cryptoTwoStep100k(), e -> {
            e.onQuote(btc("60000", "60010", 1));
            e.placeOrder(OrderRequest.market("long", BTC, Side.BUY, "1"), at(2));
            e.pause(at(3));
        });
        AssessmentEngine e = p.victim();
        String violation = e.onQuote(btc("100", "110", 5)).eventsOf(ViolationDetected.class).getFirst()
                .violationId();
        EngineResult back = e.reinstate(violation, "admin@vatic", "bad tick", at(20));
        assertThat(back.eventsOf(Reinstated.class).getFirst().restoredState()).isEqualTo(AssessmentState.PAUSED);
        assertThat(e.state()).isEqualTo(AssessmentState.PAUSED);
        assertSameTraderState(e, p.twin());
    }
}
