package com.vaticprop.trading.account;

import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Fill;
import com.vaticprop.trading.order.Side;
import com.vaticprop.trading.position.PositionChange;
import com.vaticprop.trading.position.PositionMath;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountPropertiesTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final List<String> CRYPTO = List.of("BTC-USD", "ETH-USD");
    private static final List<String> SHARES = List.of("POLY:7", "KALSHI:FED:YES");

    record Trade(String instrument, Side side, BigDecimal qty, BigDecimal price, BigDecimal fee) {
    }

    @Provide
    Arbitrary<List<Trade>> cryptoTrades() {
        return trades(CRYPTO, Arbitraries.bigDecimals().between(new BigDecimal("1"), new BigDecimal("90000"))
                .ofScale(2));
    }

    @Provide
    Arbitrary<List<Trade>> shareBuysAndSells() {
        return trades(SHARES, Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("0.99"))
                .ofScale(2));
    }

    private Arbitrary<List<Trade>> trades(List<String> instruments, Arbitrary<BigDecimal> prices) {
        Arbitrary<Trade> trade = Combinators.combine(Arbitraries.of(instruments), Arbitraries.of(Side.class),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("50")).ofScale(2), prices,
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5")).ofScale(8))
                .as(Trade::new);
        return trade.list().ofMaxSize(40);
    }

    private static Fill fill(Trade t, int i) {
        InstrumentId id = InstrumentId.of(t.instrument());
        return new Fill("T" + i, "O" + i, id, t.side(), t.qty(), t.price(), t.fee(),
                Quote.top(id, t.price().toPlainString(), t.price().toPlainString(), "1", "1", T), T);
    }

    @Property
    void cashPlusCollateralEqualsInitialPlusRealizedMinusFees(@ForAll("cryptoTrades") List<Trade> crypto,
                                                             @ForAll("shareBuysAndSells") List<Trade> shares) {
        Account a = new Account("A", new BigDecimal("100000"), BigDecimal.ZERO, LocalDate.parse("2026-03-02"));
        BigDecimal feeSum = BigDecimal.ZERO;
        int i = 0;
        for (Trade t : crypto) {
            a.applyFill(fill(t, i++));
            feeSum = feeSum.add(t.fee());
        }
        for (Trade t : shares) {
            // long only: sell at most what is held
            BigDecimal held = a.position(InstrumentId.of(t.instrument())).map(p -> p.qty()).orElse(BigDecimal.ZERO);
            Trade legal = t.side() == Side.SELL ? new Trade(t.instrument(), Side.SELL, t.qty().min(held), t.price(),
                    t.fee()) : t;
            if (legal.qty().signum() == 0) {
                continue;
            }
            a.applyFill(fill(legal, i++));
            feeSum = feeSum.add(legal.fee());
        }
        assertThat(a.cash().add(a.collateral()))
                .isEqualByComparingTo(a.initialBalance().add(a.realizedPnl()).subtract(a.fees()));
        assertThat(a.fees()).isEqualByComparingTo(feeSum);
        // realized P&L of closed round trips + partial reductions of open ones = the account's realized P&L
        BigDecimal closed = a.closedPositions().stream().map(c -> c.realizedPnl()).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        BigDecimal open = a.positions().stream().map(p -> p.realizedPnl()).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(closed.add(open)).isEqualByComparingTo(a.realizedPnl());
        // marked at entry (touch = fill price), equity equals balance
        assertThat(a.equity()).isEqualByComparingTo(a.balance().add(a.unrealizedPnl()));
    }

    @Property
    void closingEverythingRealizesExactlyProceedsMinusCost(@ForAll("cryptoTrades") List<Trade> trades) {
        Account a = new Account("A", new BigDecimal("100000"), BigDecimal.ZERO, LocalDate.parse("2026-03-02"));
        BigDecimal cashFlow = BigDecimal.ZERO; // + for sells, − for buys
        int i = 0;
        for (Trade t : trades) {
            a.applyFill(fill(t, i++));
            cashFlow = cashFlow.add(t.side() == Side.SELL ? t.qty().multiply(t.price())
                    : t.qty().multiply(t.price()).negate());
        }
        for (var p : a.positions()) {
            BigDecimal price = new BigDecimal("1234.56");
            Trade close = new Trade(p.instrument().value(), p.isLong() ? Side.SELL : Side.BUY, p.absQty(), price,
                    BigDecimal.ZERO);
            a.applyFill(fill(close, i++));
            cashFlow = cashFlow.add(close.side() == Side.SELL ? close.qty().multiply(price)
                    : close.qty().multiply(price).negate());
        }
        assertThat(a.positions()).isEmpty();
        assertThat(a.realizedPnl()).isEqualByComparingTo(Money.book(cashFlow));
    }

    @Property
    void flipEqualsCloseThenOpen(@ForAll("cryptoTrades") List<Trade> ignored,
                                 @ForAll boolean startLong) {
        BigDecimal q1 = new BigDecimal("2.5");
        BigDecimal q2 = new BigDecimal("4.75");
        Side first = startLong ? Side.BUY : Side.SELL;
        Trade open = new Trade("BTC-USD", first, q1, new BigDecimal("100.10"), new BigDecimal("0.25"));
        Trade flipTrade = new Trade("BTC-USD", first.opposite(), q2, new BigDecimal("97.30"), new BigDecimal("0.475"));
        var pos = PositionMath.apply(null, fill(open, 1), () -> "P1").after();
        PositionChange flip = PositionMath.apply(pos, fill(flipTrade, 2), () -> "P2");

        BigDecimal closeFee = Money.book(flipTrade.fee().multiply(q1).divide(q2, Money.WORK));
        PositionChange close = PositionMath.apply(pos, fill(new Trade("BTC-USD", first.opposite(), q1,
                flipTrade.price(), closeFee), 3), () -> "X");
        PositionChange reopen = PositionMath.apply(null, fill(new Trade("BTC-USD", first.opposite(), q2.subtract(q1),
                flipTrade.price(), flipTrade.fee().subtract(closeFee)), 4), () -> "P2");

        assertThat(flip.realized()).isEqualByComparingTo(close.realized());
        assertThat(flip.closed().realizedPnl()).isEqualByComparingTo(close.closed().realizedPnl());
        assertThat(flip.closed().fees()).isEqualByComparingTo(close.closed().fees());
        assertThat(flip.after().qty()).isEqualByComparingTo(reopen.after().qty());
        assertThat(flip.after().costBasis()).isEqualByComparingTo(reopen.after().costBasis());
        assertThat(flip.after().fees()).isEqualByComparingTo(reopen.after().fees());
        assertThat(flip.closed().fees().add(flip.after().fees())).isEqualByComparingTo(
                open.fee().add(flipTrade.fee()));
    }

    @Property
    void flipOfRandomSizesConservesQuantityFeesAndPnl(
            @ForAll("sizes") BigDecimal q1, @ForAll("sizes") BigDecimal extra, @ForAll boolean startLong,
            @ForAll("fees") BigDecimal fee) {
        Side first = startLong ? Side.BUY : Side.SELL;
        BigDecimal q2 = q1.add(extra);
        var pos = PositionMath.apply(null, fill(new Trade("ETH-USD", first, q1, new BigDecimal("2000"),
                BigDecimal.ZERO), 1), () -> "P1").after();
        PositionChange flip = PositionMath.apply(pos, fill(new Trade("ETH-USD", first.opposite(), q2,
                new BigDecimal("2100.5"), fee), 2), () -> "P2");
        assertThat(flip.kind()).isEqualTo(PositionChange.Kind.FLIPPED);
        assertThat(flip.after().absQty()).isEqualByComparingTo(extra);
        assertThat(flip.closed().fees().signum()).isGreaterThanOrEqualTo(0);
        assertThat(flip.after().fees().signum()).isGreaterThanOrEqualTo(0);
        assertThat(flip.closed().fees().add(flip.after().fees())).isEqualByComparingTo(fee);
        BigDecimal expected = q1.multiply(new BigDecimal("100.5")).multiply(BigDecimal.valueOf(first.sign()));
        assertThat(flip.realized()).isEqualByComparingTo(expected);
    }

    @Provide
    Arbitrary<BigDecimal> sizes() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.001"), new BigDecimal("100")).ofScale(3);
    }

    @Provide
    Arbitrary<BigDecimal> fees() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("50")).ofScale(8);
    }
}
