package com.vaticprop.risk.result;

import com.vaticprop.risk.kernel.KernelRules;
import com.vaticprop.risk.kernel.PathOutcome;
import com.vaticprop.risk.method.ParametricFit;
import com.vaticprop.risk.run.ChunkedRunner;
import com.vaticprop.risk.run.Tally;
import com.vaticprop.risk.sample.Units;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a simulation reports. Money is BigDecimal at scale 8 (statistics of a float sample are accurate to about
 * 10<sup>-7</sup> of the amount, far below any sampling error).
 *
 * @param outcomes                  paths per outcome (PASSED, each failure reason, NO_VERDICT at the horizon)
 * @param failureShares             share of all paths per failure reason
 * @param expectedPayoutIfPassed    {@code profitSplitPct × (equity at pass − initial)} averaged over passing paths
 *                                  ({@code null} when none passed)
 * @param expectedPayoutPerAttempt  the same, times the pass probability
 * @param blockLength               the stationary bootstrap's mean block length, given or estimated; else null
 * @param fit                       the parametric fit; else null
 */
public record SimulationResult(int paths, int horizonDays, String method, Double blockLength, ParametricFit fit,
                               WilsonInterval passProbability, Map<PathOutcome, Long> outcomes,
                               Map<PathOutcome, Double> failureShares, DaysToPass daysToPass,
                               DrawdownHistogram maxDrawdown, FanChart fanChart, RiskMeasures terminal,
                               BigDecimal expectedPayoutIfPassed, BigDecimal expectedPayoutPerAttempt) {
    private static final double[] FAN = {0.05, 0.25, 0.50, 0.75, 0.95};
    private static final int[] TERMINAL = {1, 5, 25, 50, 75, 95, 99};

    public SimulationResult {
        outcomes = Map.copyOf(outcomes);
        failureShares = Map.copyOf(failureShares);
    }

    public long count(PathOutcome o) {
        return outcomes.getOrDefault(o, 0L);
    }

    /** Builds the result from the workers' raw output. */
    public static SimulationResult assemble(ChunkedRunner.Raw raw, KernelRules rules, int paths, int horizon,
                                            String method, Double blockLength, ParametricFit fit) {
        Tally t = raw.tally();
        Map<PathOutcome, Long> outcomes = new EnumMap<>(PathOutcome.class);
        Map<PathOutcome, Double> shares = new EnumMap<>(PathOutcome.class);
        for (PathOutcome o : PathOutcome.values()) {
            outcomes.put(o, t.outcome(o));
            if (o.failureReason() != null) {
                shares.put(o, (double) t.outcome(o) / paths);
            }
        }
        long passed = t.outcome(PathOutcome.PASSED);
        WilsonInterval pass = WilsonInterval.of(passed, paths);
        BigDecimal payoutIfPassed = null;
        BigDecimal perAttempt = BigDecimal.ZERO.setScale(8);
        if (passed > 0) {
            BigInteger num = t.passProfitUnits().multiply(BigInteger.valueOf(rules.profitSplitPctNum()));
            BigInteger den = BigInteger.valueOf(rules.profitSplitPctDen()).multiply(BigInteger.valueOf(passed));
            BigDecimal units = new BigDecimal(num).divide(new BigDecimal(den), 0, RoundingMode.HALF_EVEN);
            payoutIfPassed = units.movePointLeft(8).setScale(8, RoundingMode.HALF_EVEN);
            perAttempt = new BigDecimal(num).divide(new BigDecimal(BigInteger.valueOf(rules.profitSplitPctDen())
                    .multiply(BigInteger.valueOf(paths))), 0, RoundingMode.HALF_EVEN).movePointLeft(8)
                    .setScale(8, RoundingMode.HALF_EVEN);
        }
        DrawdownHistogram dd = new DrawdownHistogram(Units.toMoney(raw.drawdownBinWidth()), t.drawdownBins());
        return new SimulationResult(paths, horizon, method, blockLength, fit, pass, outcomes, shares,
                DaysToPass.of(t.passDays()), dd, fanChart(raw.fan(), raw.fanPaths(), horizon),
                terminal(raw.terminalPnl()), payoutIfPassed, perAttempt);
    }

    private static FanChart fanChart(float[] fan, int n, int horizon) {
        List<FanChart.Day> days = new ArrayList<>(horizon);
        for (int d = 0; d < horizon; d++) {
            double[] q = Quantiles.of(fan, d * n, n, FAN);
            days.add(new FanChart.Day(d + 1, Units.toMoney(q[0]), Units.toMoney(q[1]), Units.toMoney(q[2]),
                    Units.toMoney(q[3]), Units.toMoney(q[4])));
        }
        return new FanChart(n, days);
    }

    private static RiskMeasures terminal(float[] pnl) {
        int n = pnl.length;
        double sum = 0;
        for (float v : pnl) {
            sum += v;
        }
        double[] qs = new double[TERMINAL.length];
        for (int i = 0; i < qs.length; i++) {
            qs[i] = TERMINAL[i] / 100.0;
        }
        double[] values = Quantiles.of(pnl, 0, n, qs);
        Map<Integer, BigDecimal> q = new LinkedHashMap<>();
        for (int i = 0; i < TERMINAL.length; i++) {
            q.put(TERMINAL[i], Units.toMoney(values[i]));
        }
        double cvar95 = -Quantiles.lowestMean(pnl, Quantiles.tailCount(n, 0.95));
        double cvar99 = -Quantiles.lowestMean(pnl, Quantiles.tailCount(n, 0.99));
        return new RiskMeasures(Units.toMoney(sum / n), q, q.get(5).negate(), Units.toMoney(cvar95),
                q.get(1).negate(), Units.toMoney(cvar99));
    }
}
