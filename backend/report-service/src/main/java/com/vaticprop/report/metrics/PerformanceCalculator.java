package com.vaticprop.report.metrics;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The report's performance analytics, a pure function of the initial balance, the closed days and the round trips
 * (no Spring, no I/O), so each figure is checked against hand-computed fixtures. Conventions, printed in the report:
 * <ul>
 *   <li>daily return {@code r = closeEquity / previous closeEquity − 1}, the initial balance before day 1; every
 *       closed calendar day counts, trading or not;</li>
 *   <li>CAGR {@code (final / initial)^(365 / calendar days) − 1}, calendar days = last day − first day + 1;</li>
 *   <li>volatility = sample standard deviation (n − 1) × √365; Sharpe = mean / sd × √365 (risk-free 0);
 *       Sortino = mean / downside deviation × √365, downside deviation = √(Σ min(r, 0)² / n);
 *       Calmar = CAGR / max drawdown;</li>
 *   <li>drawdowns on the day-close equity curve ({@link Drawdowns}); recovery factor = net profit / max drawdown
 *       amount;</li>
 *   <li>win rates exclude zero days / break-even trips; consistency = best day P&L / total profit (as the
 *       consistency rule measures it); tail ratio = |P95| / |P5| of daily returns; historical VaR(95) = −P5 and
 *       CVaR(95) = −mean of the returns at or below it, nearest-rank percentiles ({@link Percentiles}).</li>
 * </ul>
 */
public final class PerformanceCalculator {

    public static final int PERIODS_PER_YEAR = 365;
    public static final String CONVENTION = "daily returns on day-close equity; 365 periods a year (crypto trades "
            + "every calendar day); risk-free rate 0; sample standard deviation; nearest-rank percentiles; VaR/CVaR "
            + "95 % historical, one day";

    private PerformanceCalculator() {
    }

    public static PerformanceMetrics compute(BigDecimal initialBalance, List<DayResult> days, TripStats trips) {
        int n = days.size();
        BigDecimal finalEquity = n == 0 ? initialBalance : days.getLast().closeEquity();
        BigDecimal netProfit = finalEquity.subtract(initialBalance);
        double initial = initialBalance.doubleValue();
        double totalReturn = finalEquity.doubleValue() / initial - 1;
        int calendarDays = n == 0 ? 0 : (int) ChronoUnit.DAYS.between(days.getFirst().day(), days.getLast().day()) + 1;

        double[] r = new double[n];
        double previous = initial;
        double sum = 0;
        double downsideSquares = 0;
        int winning = 0;
        int losing = 0;
        DayResult best = null;
        DayResult worst = null;
        BigDecimal profit = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            DayResult d = days.get(i);
            double equity = d.closeEquity().doubleValue();
            r[i] = equity / previous - 1;
            previous = equity;
            sum += r[i];
            downsideSquares += Math.min(r[i], 0) * Math.min(r[i], 0);
            int sign = d.dayPnl().signum();
            if (sign > 0) {
                winning++;
            } else if (sign < 0) {
                losing++;
            }
            if (best == null || d.dayPnl().compareTo(best.dayPnl()) > 0) {
                best = d;
            }
            if (worst == null || d.dayPnl().compareTo(worst.dayPnl()) < 0) {
                worst = d;
            }
            profit = profit.add(d.dayPnl());
        }
        double mean = n == 0 ? Double.NaN : sum / n;
        double sd = Double.NaN;
        if (n >= 2) {
            double squares = 0;
            for (double x : r) {
                squares += (x - mean) * (x - mean);
            }
            sd = Math.sqrt(squares / (n - 1));
        }
        double downside = n == 0 ? Double.NaN : Math.sqrt(downsideSquares / n);
        double annual = Math.sqrt(PERIODS_PER_YEAR);
        double cagr = calendarDays == 0 ? Double.NaN
                : Math.pow(finalEquity.doubleValue() / initial, (double) PERIODS_PER_YEAR / calendarDays) - 1;

        Drawdowns dd = Drawdowns.of(initialBalance, days);
        double maxDd = dd.maxDrawdownPct();

        BigDecimal tailRatio = null;
        BigDecimal var = null;
        BigDecimal cvar = null;
        if (n > 0) {
            Percentiles p = new Percentiles(r);
            tailRatio = Ratios.divide(Math.abs(p.at(0.95)), Math.abs(p.at(0.05)));
            var = Ratios.of(-p.at(0.05));
            cvar = Ratios.of(-p.meanOfLowest(0.05));
        }
        return new PerformanceMetrics(
                CONVENTION,
                calendarDays,
                initialBalance,
                finalEquity,
                netProfit,
                Ratios.of(totalReturn),
                Ratios.of(cagr),
                Ratios.of(mean),
                Ratios.of(sd * annual),
                sd == 0 ? null : Ratios.of(mean / sd * annual),
                downside == 0 ? null : Ratios.of(mean / downside * annual),
                maxDd == 0 ? null : Ratios.of(cagr / maxDd),
                Ratios.of(maxDd),
                dd.maxDrawdownAmount(),
                dd.maxDrawdownDays(),
                dd.recovered(),
                Ratios.of(dd.averageDrawdownPct()),
                dd.maxDrawdownAmount().signum() == 0 ? null
                        : Ratios.of(netProfit.doubleValue() / dd.maxDrawdownAmount().doubleValue()),
                winning,
                losing,
                Ratios.divide(winning, winning + losing),
                best == null ? null : new PerformanceMetrics.Day(best.day(), best.dayPnl()),
                worst == null ? null : new PerformanceMetrics.Day(worst.day(), worst.dayPnl()),
                profit.signum() <= 0 || best == null ? null
                        : Ratios.of(best.dayPnl().doubleValue() / profit.doubleValue()),
                tailRatio,
                var,
                cvar,
                trips.count(),
                trips.winRate(),
                trips.profitFactor(),
                trips.payoffRatio(),
                trips.expectancy(),
                trip(trips.best()),
                trip(trips.worst()),
                trips.averageHolding() == null ? null : trips.averageHolding().toSeconds(),
                trips.perInstrument());
    }

    private static PerformanceMetrics.Trip trip(TripResult t) {
        return t == null ? null : new PerformanceMetrics.Trip(t.instrument(), t.closedAt(), t.netPnl());
    }
}
