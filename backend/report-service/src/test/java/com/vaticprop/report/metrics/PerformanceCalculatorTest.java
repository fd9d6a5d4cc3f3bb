package com.vaticprop.report.metrics;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The performance figures against a fixture small enough to work out by hand (the arithmetic is in the comments).
 * Initial balance 100,000; six days with P&L +1000, −500, +2000, −1500, +500, 0, closing at 101000, 100500, 102500,
 * 101000, 101500, 101500. Daily returns r = 0.01, −500/101000 = −0.0049505, 2000/100500 = 0.0199005,
 * −1500/102500 = −0.0146341, 500/101000 = 0.0049505, 0.
 */
class PerformanceCalculatorTest {

    static final BigDecimal INITIAL = new BigDecimal("100000");

    static List<DayResult> days() {
        int[] pnl = {1000, -500, 2000, -1500, 500, 0};
        List<DayResult> days = new ArrayList<>();
        long equity = 100_000;
        for (int i = 0; i < pnl.length; i++) {
            equity += pnl[i];
            days.add(new DayResult(LocalDate.parse("2026-10-01").plusDays(i), BigDecimal.valueOf(equity),
                    BigDecimal.valueOf(pnl[i])));
        }
        return days;
    }

    /** +600, −200, 0 on BTC and +300, −100 on ETH, held 30, 60, 90, 120, 150 minutes. */
    static TripStats trips() {
        TripStats s = new TripStats();
        String[][] trips = {{"BTC-USD", "600"}, {"BTC-USD", "-200"}, {"ETH-USD", "300"}, {"ETH-USD", "-100"},
                {"BTC-USD", "0"}};
        Instant open = Instant.parse("2026-10-01T10:00:00Z");
        for (int i = 0; i < trips.length; i++) {
            s.add(new TripResult(trips[i][0], open, open.plusSeconds(1800L * (i + 1)), new BigDecimal(trips[i][1])));
        }
        return s;
    }

    @Test
    void returnsAndRiskMatchTheHandComputedFixture() {
        PerformanceMetrics m = PerformanceCalculator.compute(INITIAL, days(), trips());

        assertThat(m.calendarDays()).isEqualTo(6);
        assertThat(m.netProfit()).isEqualByComparingTo("1500");
        // 101500 / 100000 − 1
        assertThat(m.totalReturn()).isEqualByComparingTo("0.015000");
        // Σr / 6 = 0.0152664 / 6
        assertThat(m.meanDailyReturn()).isEqualByComparingTo("0.002544");
        // sample sd 0.0120030 × √365
        assertThat(m.volatility()).isEqualByComparingTo("0.229317");
        // 0.0025444 / 0.0120030 × √365
        assertThat(m.sharpe()).isEqualByComparingTo("4.049868");
        // downside deviation √((0.0049505² + 0.0146341²) / 6) = 0.0063088
        assertThat(m.sortino()).isEqualByComparingTo("7.707457");
        // 1.015^(365/6) − 1
        assertThat(m.cagr()).isEqualByComparingTo("1.473722");
    }

    @Test
    void drawdownsMatchTheHandComputedFixture() {
        PerformanceMetrics m = PerformanceCalculator.compute(INITIAL, days(), trips());

        // episode 1: peak 101000 (10-01) → 100500, recovered 10-03: 500/101000 = 0.0049505 over 2 days
        // episode 2: peak 102500 (10-03) → 101000, not recovered by 10-06: 1500/102500 = 0.0146341 over 3 days
        assertThat(m.maxDrawdownPct()).isEqualByComparingTo("0.014634");
        assertThat(m.maxDrawdownAmount()).isEqualByComparingTo("1500");
        assertThat(m.maxDrawdownDays()).isEqualTo(3);
        assertThat(m.maxDrawdownRecovered()).isFalse();
        assertThat(m.averageDrawdownPct()).isEqualByComparingTo("0.009792");
        // net profit 1500 / max drawdown 1500
        assertThat(m.recoveryFactor()).isEqualByComparingTo("1");
        // CAGR 1.4737221 / 0.0146341
        assertThat(m.calmar()).isEqualByComparingTo("100.704341");
    }

    @Test
    void dayStatisticsExcludeZeroDays() {
        PerformanceMetrics m = PerformanceCalculator.compute(INITIAL, days(), trips());

        // 3 winning, 2 losing, the flat sixth day is neither
        assertThat(m.winningDays()).isEqualTo(3);
        assertThat(m.losingDays()).isEqualTo(2);
        assertThat(m.dailyWinRate()).isEqualByComparingTo("0.6");
        assertThat(m.bestDay().day()).isEqualTo(LocalDate.parse("2026-10-03"));
        assertThat(m.bestDay().pnl()).isEqualByComparingTo("2000");
        assertThat(m.worstDay().pnl()).isEqualByComparingTo("-1500");
        // best day 2000 / total profit 1500
        assertThat(m.consistency()).isEqualByComparingTo("1.333333");
        // 6 returns: P5 is rank ceil(0.3) = 1 → −0.0146341; P95 rank ceil(5.7) = 6 → 0.0199005
        assertThat(m.var95()).isEqualByComparingTo("0.014634");
        assertThat(m.cvar95()).isEqualByComparingTo("0.014634");
        assertThat(m.tailRatio()).isEqualByComparingTo("1.359867");
    }

    @Test
    void roundTripStatisticsMatchTheHandComputedFixture() {
        PerformanceMetrics m = PerformanceCalculator.compute(INITIAL, days(), trips());

        assertThat(m.roundTrips()).isEqualTo(5);
        // 2 wins, 2 losses, the break-even trip excluded
        assertThat(m.tripWinRate()).isEqualByComparingTo("0.5");
        // gross profit 900 / gross loss 300
        assertThat(m.profitFactor()).isEqualByComparingTo("3");
        // average win 450 / average loss 150
        assertThat(m.payoffRatio()).isEqualByComparingTo("3");
        // 600 / 5
        assertThat(m.expectancy()).isEqualByComparingTo("120");
        assertThat(m.bestTrip().netPnl()).isEqualByComparingTo("600");
        assertThat(m.worstTrip().netPnl()).isEqualByComparingTo("-200");
        // (30 + 60 + 90 + 120 + 150) / 5 minutes = 90 minutes
        assertThat(m.averageHoldingSeconds()).isEqualTo(5400L);
        assertThat(m.perInstrument()).extracting(InstrumentStats::instrument).containsExactly("BTC-USD", "ETH-USD");
        InstrumentStats btc = m.perInstrument().getFirst();
        assertThat(btc.roundTrips()).isEqualTo(3);
        assertThat(btc.netPnl()).isEqualByComparingTo("400");
        assertThat(btc.winRate()).isEqualByComparingTo("0.5");
        assertThat(m.perInstrument().get(1).netPnl()).isEqualByComparingTo("200");
    }

    @Test
    void aHistoryWithoutDaysOrTripsHasUndefinedRatiosRatherThanZeros() {
        PerformanceMetrics m = PerformanceCalculator.compute(INITIAL, List.of(), new TripStats());

        assertThat(m.roundTrips()).isZero();
        assertThat(m.netProfit()).isEqualByComparingTo("0");
        assertThat(m.sharpe()).isNull();
        assertThat(m.sortino()).isNull();
        assertThat(m.volatility()).isNull();
        assertThat(m.tripWinRate()).isNull();
        assertThat(m.profitFactor()).isNull();
        assertThat(m.expectancy()).isNull();
        assertThat(m.var95()).isNull();
        assertThat(m.maxDrawdownPct()).isEqualByComparingTo("0");
    }

    @Test
    void aStrictlyRisingCurveHasNoDrawdownAndNoSortino() {
        List<DayResult> up = List.of(
                new DayResult(LocalDate.parse("2026-10-01"), new BigDecimal("101000"), new BigDecimal("1000")),
                new DayResult(LocalDate.parse("2026-10-02"), new BigDecimal("102000"), new BigDecimal("1000")));
        PerformanceMetrics m = PerformanceCalculator.compute(INITIAL, up, new TripStats());

        assertThat(m.maxDrawdownPct()).isEqualByComparingTo("0");
        assertThat(m.calmar()).isNull();
        assertThat(m.recoveryFactor()).isNull();
        assertThat(m.sortino()).isNull();
        assertThat(m.dailyWinRate()).isEqualByComparingTo("1");
    }
}
