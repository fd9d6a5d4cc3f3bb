package com.vaticprop.benchmarks.montecarlo;

import com.vaticprop.risk.MonteCarloEngine;
import com.vaticprop.risk.SimulationRequest;
import com.vaticprop.risk.kernel.PathOutcome;
import com.vaticprop.risk.method.Method;
import com.vaticprop.risk.result.SimulationResult;

/**
 * Prints the Java engine's verdict shares on {@link BenchmarkModel} as one JSON line, for the peer comparison:
 * {@code java -cp benchmarks-jmh.jar com.vaticprop.benchmarks.montecarlo.PeerCheck [paths] [seed]}.
 */
public final class PeerCheck {
    private PeerCheck() {
    }

    public static void main(String[] args) {
        int paths = args.length > 0 ? Integer.parseInt(args[0]) : 2_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        long t0 = System.nanoTime();
        SimulationResult r = MonteCarloEngine.run(SimulationRequest.of(BenchmarkModel.sample(), new Method.IidDays(),
                BenchmarkModel.ruleSet(), BenchmarkModel.HORIZON, paths, seed, 2));
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("{\"side\": \"java\", \"paths\": %d, \"passed\": %d, \"p\": %.6f, \"lower\": %.6f, "
                        + "\"upper\": %.6f, \"dailyLoss\": %d, \"maxLoss\": %d, \"timeLimit\": %d, \"seconds\": %.3f}%n",
                paths, r.count(PathOutcome.PASSED), r.passProbability().estimate(), r.passProbability().lower(),
                r.passProbability().upper(), r.count(PathOutcome.DAILY_LOSS), r.count(PathOutcome.MAX_LOSS),
                r.count(PathOutcome.TIME_LIMIT), seconds);
    }
}
