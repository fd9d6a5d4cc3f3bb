package com.vaticprop.risk.method;

import com.vaticprop.risk.sample.DayTable;
import com.vaticprop.risk.sample.Units;

/**
 * A normal or Student-t model of day P&L fitted to the sample's days (idle days included), plus what a distribution of
 * closes cannot say and the sample can:
 * <ul>
 *   <li>the intraday worst point: {@code low = min(0, pnl) − κ↓ × |pnl|} with
 *       {@code κ↓ = Σ (min(0, pnl) − low) / Σ |pnl|} over the sample, i.e. the sample's drawdown below the open
 *       beyond the close, as a ratio to the day P&L (and {@code κ↑} likewise for the intraday high);
 *   <li>trading days: each day is one with the sample's share of trading days (active = trading); flat at the close.
 * </ul>
 * Student-t: ν from the excess kurtosis by moments ({@code ν = 4 + 6 / excess}, clipped to [4.01, 1000]; ≤ 0 excess
 * kurtosis → 1000, practically normal) unless given; scale {@code sd × √((ν − 2)/ν)} so the variance is the sample's.
 *
 * @param dof {@code null} for the normal model
 */
public record ParametricFit(double mean, double sd, Double dof, double scale, double lowRatio, double highRatio,
                            double tradingShare) {

    public static ParametricFit normal(DayTable days) {
        return fit(days, null, false);
    }

    public static ParametricFit studentT(DayTable days, Double dof) {
        return fit(days, dof, true);
    }

    private static ParametricFit fit(DayTable t, Double givenDof, boolean studentT) {
        int n = t.size();
        double[] x = t.pnlAsDoubles();
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= n;
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double d = v - mean;
            m2 += d * d;
            m4 += d * d * d * d;
        }
        double var = n > 1 ? m2 / (n - 1) : 0;
        double sd = Math.sqrt(var);
        double absSum = 0;
        double lowExcess = 0;
        double highExcess = 0;
        int trading = 0;
        for (int i = 0; i < n; i++) {
            absSum += Math.abs(x[i]);
            lowExcess += Units.toDouble(Math.min(0, t.pnl[i]) - t.low[i]);
            highExcess += Units.toDouble(t.high[i] - Math.max(0, t.pnl[i]));
            trading += (t.flags[i] & DayTable.TRADING) != 0 ? 1 : 0;
        }
        Double dof = null;
        double scale = sd;
        if (studentT) {
            double nu = givenDof != null ? givenDof : dofFromKurtosis(m2 / n, m4 / n);
            dof = nu;
            scale = sd * Math.sqrt((nu - 2) / nu);
        }
        return new ParametricFit(mean, sd, dof, scale, absSum > 0 ? lowExcess / absSum : 0,
                absSum > 0 ? highExcess / absSum : 0, (double) trading / n);
    }

    static double dofFromKurtosis(double m2, double m4) {
        if (m2 <= 0) {
            return 1000;
        }
        double excess = m4 / (m2 * m2) - 3;
        if (excess <= 0) {
            return 1000;
        }
        return Math.max(4.01, Math.min(1000, 4 + 6 / excess));
    }
}
