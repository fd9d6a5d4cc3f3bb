package com.vaticprop.report.metrics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Every figure of the report's performance section. Fractions are plain (0.05 = 5 %); annualised figures use
 * {@link PerformanceCalculator#PERIODS_PER_YEAR} periods a year (crypto trades every calendar day). A figure that is
 * undefined for this sample (no losing day for Sortino, no trips for a win rate) is {@code null}.
 */
public record PerformanceMetrics(
        String convention,
        int calendarDays,
        BigDecimal initialBalance,
        BigDecimal finalEquity,
        BigDecimal netProfit,
        BigDecimal totalReturn,
        BigDecimal cagr,
        BigDecimal meanDailyReturn,
        BigDecimal volatility,
        BigDecimal sharpe,
        BigDecimal sortino,
        BigDecimal calmar,
        BigDecimal maxDrawdownPct,
        BigDecimal maxDrawdownAmount,
        long maxDrawdownDays,
        boolean maxDrawdownRecovered,
        BigDecimal averageDrawdownPct,
        BigDecimal recoveryFactor,
        int winningDays,
        int losingDays,
        BigDecimal dailyWinRate,
        Day bestDay,
        Day worstDay,
        BigDecimal consistency,
        BigDecimal tailRatio,
        BigDecimal var95,
        BigDecimal cvar95,
        int roundTrips,
        BigDecimal tripWinRate,
        BigDecimal profitFactor,
        BigDecimal payoffRatio,
        BigDecimal expectancy,
        Trip bestTrip,
        Trip worstTrip,
        Long averageHoldingSeconds,
        List<InstrumentStats> perInstrument) {

    public record Day(LocalDate day, BigDecimal pnl) {
    }

    public record Trip(String instrument, java.time.Instant closedAt, BigDecimal netPnl) {
    }
}
