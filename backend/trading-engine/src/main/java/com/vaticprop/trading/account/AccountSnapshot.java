package com.vaticprop.trading.account;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Everything the rules measure, frozen at one instant, so a rule is a pure function of a snapshot (and a replay of
 * the same snapshot gives the same verdict).
 *
 * @param dayOpenBalance     the prior day's close balance (day 1: initial)
 * @param dayOpenEquity      the prior day's close equity (day 1: initial)
 * @param peakEquity         highest equity ever observed, open P&L included (at least the initial balance)
 * @param highestCloseBalance highest day-close balance (at least the initial balance)
 * @param bestDayPnl         best single-day P&L so far, the current day included
 * @param lastTradeDay       day of the most recent fill, {@code null} if none
 * @param grossCryptoNotional long and short crypto notional at the marks, for leverage
 */
public record AccountSnapshot(BigDecimal initialBalance, BigDecimal cash, BigDecimal balance, BigDecimal equity,
                              BigDecimal unrealizedPnl, BigDecimal realizedPnl, BigDecimal fees,
                              BigDecimal collateral, int openPositions, LocalDate startDay, LocalDate day,
                              BigDecimal dayOpenBalance, BigDecimal dayOpenEquity, BigDecimal dayMinEquity,
                              BigDecimal dayMaxEquity, BigDecimal peakEquity, BigDecimal highestCloseBalance,
                              int tradingDays, boolean todayIsTradingDay, BigDecimal bestDayPnl,
                              LocalDate lastTradeDay, BigDecimal grossCryptoNotional) {

    public BigDecimal dayPnl() {
        return equity.subtract(dayOpenEquity);
    }

    public BigDecimal totalProfit() {
        return equity.subtract(initialBalance);
    }

    public boolean flat() {
        return openPositions == 0;
    }
}
