package com.vaticprop.risk;

import com.vaticprop.risk.method.Method;
import com.vaticprop.risk.sample.PnlSample;
import com.vaticprop.trading.ruleset.RuleSet;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One simulation: resample {@code sample} with {@code method} into {@code paths} paths of up to {@code horizonDays}
 * days, each judged by {@code ruleSet}'s phase {@code phase}.
 *
 * @param initialBalance the simulated account's initial balance (every percentage of the rule set applies to it);
 *                       {@code null} = the rule set's
 * @param seed           one seed → identical results for any {@code threads}
 * @param fanChartPaths  how many paths (the first ones, a random sample since paths are i.i.d.) feed the per-day fan
 *                       chart; bounds its memory to {@code fanChartPaths × horizonDays} floats
 */
public record SimulationRequest(PnlSample sample, Method method, RuleSet ruleSet, int phase, BigDecimal initialBalance,
                                int horizonDays, int paths, long seed, int threads, int fanChartPaths) {
    public static final int DEFAULT_FAN_CHART_PATHS = 20_000;

    public SimulationRequest {
        Objects.requireNonNull(sample, "sample");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(ruleSet, "ruleSet");
        if (phase < 0 || phase >= ruleSet.phases().size()) {
            throw new IllegalArgumentException("phase " + phase + " not in the rule set");
        }
        if (initialBalance == null) {
            initialBalance = ruleSet.initialBalance();
        }
        if (initialBalance.signum() <= 0) {
            throw new IllegalArgumentException("initialBalance must be > 0");
        }
        if (horizonDays < 1) {
            throw new IllegalArgumentException("horizonDays must be ≥ 1");
        }
        if (paths < 1) {
            throw new IllegalArgumentException("paths must be ≥ 1");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1");
        }
        if (fanChartPaths < 1) {
            throw new IllegalArgumentException("fanChartPaths must be ≥ 1");
        }
    }

    /** Phase 0, the rule set's initial balance, the default fan-chart sample. */
    public static SimulationRequest of(PnlSample sample, Method method, RuleSet ruleSet, int horizonDays, int paths,
                                       long seed, int threads) {
        return new SimulationRequest(sample, method, ruleSet, 0, null, horizonDays, paths, seed, threads,
                DEFAULT_FAN_CHART_PATHS);
    }

    public SimulationRequest withThreads(int n) {
        return new SimulationRequest(sample, method, ruleSet, phase, initialBalance, horizonDays, paths, seed, n,
                fanChartPaths);
    }
}
