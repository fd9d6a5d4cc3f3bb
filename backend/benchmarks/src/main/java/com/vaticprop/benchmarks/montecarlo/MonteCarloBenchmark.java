package com.vaticprop.benchmarks.montecarlo;

import com.vaticprop.risk.MonteCarloEngine;
import com.vaticprop.risk.SimulationRequest;
import com.vaticprop.risk.method.Method;
import com.vaticprop.risk.result.SimulationResult;
import com.vaticprop.risk.sample.PnlSample;
import com.vaticprop.trading.ruleset.RuleSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 8, performance: the whole {@link MonteCarloEngine#run} (rule set compiled, sample converted, paths simulated
 * and judged, result assembled: Wilson CI, failure split, days to pass, drawdown histogram, fan chart, terminal
 * quantiles, VaR/CVaR, payout) on {@link BenchmarkModel}, i.i.d. day bootstrap, 60-day horizon, every rule on.
 * <ul>
 *   <li>{@code tenThousandPathsOneCore}: 10,000 paths on one thread, time per simulation (target ≤ 50 ms);
 *   <li>{@code pathsPerSecondBothCores}: 1,000,000 paths on two threads, reported as paths/s (target ≥ 2,000,000);
 *   <li>{@code pathsPerSecondOneCore}: the same on one thread, to show how it scales.
 * </ul>
 * Each invocation uses a new seed (the result is consumed by JMH so nothing is optimised away).
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class MonteCarloBenchmark {
    static final int MILLION = 1_000_000;

    PnlSample sample;
    RuleSet rules;
    final AtomicLong seed = new AtomicLong();

    @Setup
    public void setUp() {
        sample = BenchmarkModel.sample();
        rules = BenchmarkModel.ruleSet();
    }

    SimulationResult run(int paths, int threads) {
        return MonteCarloEngine.run(SimulationRequest.of(sample, new Method.IidDays(), rules, BenchmarkModel.HORIZON,
                paths, seed.incrementAndGet(), threads));
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public SimulationResult tenThousandPathsOneCore() {
        return run(10_000, 1);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(MILLION)
    public SimulationResult pathsPerSecondBothCores() {
        return run(MILLION, 2);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(MILLION)
    public SimulationResult pathsPerSecondOneCore() {
        return run(MILLION, 1);
    }
}
