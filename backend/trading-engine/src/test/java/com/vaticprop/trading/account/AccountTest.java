package com.vaticprop.trading.account;

import com.vaticprop.trading.fixtures.Fills;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.order.Side;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class AccountTest {
    private static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    private static final LocalDate D1 = LocalDate.parse("2026-03-02");

    private static Account account(String initial, String minNotional) {
        return new Account("A1", new BigDecimal(initial), new BigDecimal(minNotional), D1);
    }

    @Test
    void equityMarksLongsAtBidAndShortsAtAsk() {
        Account a = account("100000", "0");
        a.applyFill(Fills.fill("BTC-USD", Side.BUY, "1", "60000", "6", T));
        a.applyFill(Fills.fill("ETH-USD", Side.SELL, "10", "3000", "3", T));
        a.mark(Quote.top(InstrumentId.of("BTC-USD"), "60100", "60200", "1", "1", T.plusSeconds(1)));
        a.mark(Quote.top(InstrumentId.of("ETH-USD"), "2980", "2990", "1", "1", T.plusSeconds(1)));
        // long BTC at bid: +100; short ETH at ask: 10 × (3000 − 2990) = +100
        assertThat(a.unrealizedPnl()).isEqualByComparingTo("200");
        assertThat(a.balance()).isEqualByComparingTo("99991");
        assertThat(a.equity()).isEqualByComparingTo("100191");
        // crypto is margin-settled: notional does not leave cash
        assertThat(a.cash()).isEqualByComparingTo("99991");
        // gross: 1 × 60100 (bid) + 10 × 2990 (ask)
        assertThat(a.grossCryptoNotional()).isEqualByComparingTo("90000");
    }

    @Test
    void predictionSharesAreFullyPaidFromCash() {
        Account a = account("25000", "0");
        a.applyFill(Fills.fill("POLY:1", Side.BUY, "1000", "0.40", "1.5", T));
        assertThat(a.cash()).isEqualByComparingTo("24598.5");
        assertThat(a.collateral()).isEqualByComparingTo("400");
        assertThat(a.balance()).isEqualByComparingTo("24998.5");
        a.mark(Quote.top(InstrumentId.of("POLY:1"), "0.45", "0.47", "1", "1", T));
        assertThat(a.equity()).isEqualByComparingTo("25048.5");
        a.settle(InstrumentId.of("POLY:1"), BigDecimal.ONE, T.plusSeconds(60));
        assertThat(a.cash()).isEqualByComparingTo("25598.5");
        assertThat(a.collateral()).isEqualByComparingTo("0");
        assertThat(a.realizedPnl()).isEqualByComparingTo("600");
        assertThat(a.positions()).isEmpty();
        assertThat(a.closedPositions()).hasSize(1);
    }

    @Test
    void voidedMarketReturnsTheCostBasisButNotTheFees() {
        Account a = account("25000", "0");
        a.applyFill(Fills.fill("KALSHI:FED:YES", Side.BUY, "100", "0.30", "1.47", T));
        a.voidMarket(InstrumentId.of("KALSHI:FED:YES"), T.plusSeconds(5));
        assertThat(a.cash()).isEqualByComparingTo("24998.53");
        assertThat(a.equity()).isEqualByComparingTo("24998.53");
        assertThat(a.voidMarket(InstrumentId.of("KALSHI:FED:YES"), T)).isEmpty();
    }

    @Test
    void dayCloseRecordsTheDayAndAnchorsTheNext() {
        Account a = account("50000", "2500");
        a.applyFill(Fills.fill("BTC-USD", Side.BUY, "0.01", "60000", "0", T)); // 600 < 2500: not a trading day
        assertThat(a.snapshot().todayIsTradingDay()).isFalse();
        a.applyFill(Fills.fill("BTC-USD", Side.BUY, "0.05", "60000", "0", T)); // 3000 ≥ 2500
        a.mark(Quote.top(InstrumentId.of("BTC-USD"), "59000", "59010", "1", "1", T.plusSeconds(10)));
        a.mark(Quote.top(InstrumentId.of("BTC-USD"), "61000", "61010", "1", "1", T.plusSeconds(20)));
        DayClose close = a.closeDay(D1.plusDays(1));
        assertThat(close.tradingDay()).isTrue();
        assertThat(close.fills()).isEqualTo(2);
        assertThat(close.closeEquity()).isEqualByComparingTo("50060");
        assertThat(close.dayPnl()).isEqualByComparingTo("60");
        assertThat(close.minEquity()).isEqualByComparingTo("49940");
        assertThat(close.maxEquity()).isEqualByComparingTo("50060");
        AccountSnapshot next = a.snapshot();
        assertThat(next.day()).isEqualTo(D1.plusDays(1));
        assertThat(next.dayOpenEquity()).isEqualByComparingTo("50060");
        assertThat(next.dayOpenBalance()).isEqualByComparingTo("50000");
        assertThat(next.tradingDays()).isEqualTo(1);
        assertThat(next.peakEquity()).isEqualByComparingTo("50060");
        assertThat(next.lastTradeDay()).isEqualTo(D1);
        assertThat(next.bestDayPnl()).isEqualByComparingTo("60");
    }
}
