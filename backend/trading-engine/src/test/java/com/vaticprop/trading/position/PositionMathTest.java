package com.vaticprop.trading.position;

import com.vaticprop.trading.fixtures.Fills;
import com.vaticprop.trading.order.Side;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

class PositionMathTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");
    private final AtomicInteger ids = new AtomicInteger();
    private final Supplier<String> newId = () -> "P" + ids.incrementAndGet();

    @Test
    void increaseAveragesTheEntry() {
        PositionChange open = PositionMath.apply(null, Fills.fill("BTC-USD", Side.BUY, "1", "100", "0.1", T), newId);
        PositionChange inc = PositionMath.apply(open.after(), Fills.fill("BTC-USD", Side.BUY, "3", "120", "0.3", T),
                newId);
        assertThat(inc.kind()).isEqualTo(PositionChange.Kind.INCREASED);
        assertThat(inc.after().qty()).isEqualByComparingTo("4");
        assertThat(inc.after().avgEntry()).isEqualByComparingTo("115");
        assertThat(inc.after().fees()).isEqualByComparingTo("0.4");
        assertThat(inc.after().positionId()).isEqualTo("P1");
    }

    @Test
    void partialReduceRealizesAgainstTheAverageAndKeepsTheRest() {
        Position p = PositionMath.apply(null, Fills.fill("ETH-USD", Side.BUY, "3", "100", "0", T), newId).after();
        PositionChange reduce = PositionMath.apply(p, Fills.fill("ETH-USD", Side.SELL, "1", "110", "0", T), newId);
        assertThat(reduce.kind()).isEqualTo(PositionChange.Kind.REDUCED);
        assertThat(reduce.realized()).isEqualByComparingTo("10");
        assertThat(reduce.after().qty()).isEqualByComparingTo("2");
        assertThat(reduce.after().avgEntry()).isEqualByComparingTo("100");
    }

    @Test
    void thirdsOfACostBasisLoseNothingToRounding() {
        Position p = PositionMath.apply(null, Fills.fill("ETH-USD", Side.BUY, "3", "100.01", "0", T), newId).after();
        // cost 300.03; selling 1 of 3 at 100.01 removes 100.01 exactly; with 0.1 cost drift it would not
        PositionChange r1 = PositionMath.apply(p, Fills.fill("ETH-USD", Side.SELL, "1", "100", "0", T), newId);
        PositionChange r2 = PositionMath.apply(r1.after(), Fills.fill("ETH-USD", Side.SELL, "1", "100", "0", T),
                newId);
        PositionChange r3 = PositionMath.apply(r2.after(), Fills.fill("ETH-USD", Side.SELL, "1", "100", "0", T),
                newId);
        assertThat(r3.kind()).isEqualTo(PositionChange.Kind.CLOSED);
        assertThat(r1.realized().add(r2.realized()).add(r3.realized())).isEqualByComparingTo("-0.03");
        assertThat(r3.closed().realizedPnl()).isEqualByComparingTo("-0.03");
        assertThat(r3.closed().exitPrice()).isEqualByComparingTo("100");
    }

    @Test
    void shortProfitsWhenPriceFalls() {
        Position p = PositionMath.apply(null, Fills.fill("SOL-USD", Side.SELL, "10", "150", "0.5", T), newId)
                .after();
        assertThat(p.isLong()).isFalse();
        assertThat(p.unrealizedAt(new java.math.BigDecimal("140"))).isEqualByComparingTo("100");
        PositionChange close = PositionMath.apply(p, Fills.fill("SOL-USD", Side.BUY, "10", "145", "0.5", T), newId);
        assertThat(close.realized()).isEqualByComparingTo("50");
        assertThat(close.closed().side()).isEqualTo(Side.SELL);
        assertThat(close.closed().fees()).isEqualByComparingTo("1.0");
        assertThat(close.closed().netPnl()).isEqualByComparingTo("49");
    }

    @Test
    void flipClosesTheRoundTripAndOpensTheRemainderAtTheFillPrice() {
        Position p = PositionMath.apply(null, Fills.fill("BTC-USD", Side.BUY, "1", "100", "1", T), newId).after();
        PositionChange flip = PositionMath.apply(p, Fills.fill("BTC-USD", Side.SELL, "3", "90", "3", T), newId);
        assertThat(flip.kind()).isEqualTo(PositionChange.Kind.FLIPPED);
        assertThat(flip.closed().realizedPnl()).isEqualByComparingTo("-10");
        assertThat(flip.closed().fees()).isEqualByComparingTo("2");
        assertThat(flip.after().qty()).isEqualByComparingTo("-2");
        assertThat(flip.after().avgEntry()).isEqualByComparingTo("90");
        assertThat(flip.after().fees()).isEqualByComparingTo("2");
        assertThat(flip.after().positionId()).isEqualTo("P2");
    }

    @Test
    void settlementPaysTheResolutionPriceAndVoidUnwindsAtEntry() {
        Position p = PositionMath.apply(null, Fills.fill("POLY:1", Side.BUY, "100", "0.35", "0.2", T), newId)
                .after();
        PositionChange won = PositionMath.settle(p, java.math.BigDecimal.ONE, T);
        assertThat(won.realized()).isEqualByComparingTo("65");
        assertThat(won.closed().exitReason()).isEqualTo(ClosedPosition.ExitReason.SETTLEMENT);
        PositionChange lost = PositionMath.settle(p, java.math.BigDecimal.ZERO, T);
        assertThat(lost.realized()).isEqualByComparingTo("-35");
        PositionChange voided = PositionMath.voidAtEntry(p, T);
        assertThat(voided.realized()).isEqualByComparingTo("0");
        assertThat(voided.closed().exitPrice()).isEqualByComparingTo("0.35");
        assertThat(voided.closed().fees()).isEqualByComparingTo("0.2");
    }
}
