package com.vaticprop.risk;

import com.vaticprop.risk.kernel.KernelRules;
import com.vaticprop.risk.method.PathModel;
import com.vaticprop.risk.result.SimulationResult;
import com.vaticprop.risk.run.ChunkedRunner;

import java.util.function.BooleanSupplier;

/**
 * The entry point: {@code MonteCarloEngine.run(request)} compiles the rule set into the kernel's constants, binds the
 * method to the sample, runs the paths on {@code request.threads()} threads and assembles the result. No I/O, no
 * clock, no global state: the same request gives the same result, whatever the thread count.
 */
public final class MonteCarloEngine {
    private MonteCarloEngine() {
    }

    public static SimulationResult run(SimulationRequest request) {
        return run(request, ProgressListener.NONE, () -> false);
    }

    /**
     * @param cancelled checked between chunks of paths; once true the run stops and throws
     *                  {@link SimulationCancelledException}
     */
    public static SimulationResult run(SimulationRequest request, ProgressListener progress,
                                       BooleanSupplier cancelled) {
        KernelRules rules = KernelRules.compile(request.ruleSet(), request.ruleSet().phase(request.phase()),
                request.initialBalance());
        PathModel model = PathModel.of(request.method(), request.sample(), request.ruleSet().dayBoundary(),
                rules.minTradeNotional());
        ChunkedRunner.Raw raw = ChunkedRunner.run(rules, model, request.horizonDays(), request.paths(),
                request.seed(), request.threads(), request.fanChartPaths(), progress, cancelled);
        return SimulationResult.assemble(raw, rules, request.paths(), request.horizonDays(),
                request.method().getClass().getSimpleName(), model.blockLength(), model.fit());
    }
}
