package com.vaticprop.montecarlo.jobs;

import com.vaticprop.platform.events.data.SimulationCompleted;
import com.vaticprop.risk.kernel.PathOutcome;
import com.vaticprop.risk.method.ParametricFit;
import com.vaticprop.risk.result.FanChart;
import com.vaticprop.risk.result.SimulationResult;
import com.vaticprop.risk.sample.Units;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The engine's result as the API stores and serves it, and its summary as {@code montecarlo.simulation-completed}
 * carries it. Probabilities and money are decimal strings (CONTRACTS "Wire conventions"): probabilities at scale 6.
 */
public final class ResultJson {

    private ResultJson() {
    }

    public static JsonNode of(SimulationResult r, JsonMapper json) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("paths", r.paths());
        out.put("horizonDays", r.horizonDays());
        out.put("method", r.method());
        if (r.blockLength() != null) {
            out.put("blockLength", BigDecimal.valueOf(r.blockLength()).setScale(4, RoundingMode.HALF_EVEN));
        }
        if (r.fit() != null) {
            out.put("fit", fit(r.fit()));
        }
        out.put("passProbability", Map.of("estimate", p(r.passProbability().estimate()),
                "ciLow", p(r.passProbability().lower()), "ciHigh", p(r.passProbability().upper()),
                "confidence", "0.95", "passed", r.passProbability().successes()));
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (PathOutcome o : PathOutcome.values()) {
            outcomes.put(o.name(), r.count(o));
        }
        out.put("outcomes", outcomes);
        out.put("failureSplit", failureSplit(r));
        long[] byDay = r.daysToPass().countByDay();
        Map<String, Object> daysToPass = new LinkedHashMap<>();
        daysToPass.put("countByDay", Arrays.stream(byDay).skip(1).boxed().toList());
        if (!Double.isNaN(r.daysToPass().mean())) {
            daysToPass.put("mean", p(r.daysToPass().mean()));
            daysToPass.put("median", r.daysToPass().median());
            daysToPass.put("p90", r.daysToPass().p90());
        }
        out.put("daysToPass", daysToPass);
        out.put("maxDrawdown", Map.of("binWidth", r.maxDrawdown().binWidth(),
                "counts", Arrays.stream(r.maxDrawdown().counts()).boxed().toList()));
        out.put("fanChart", Map.of("samplePaths", r.fanChart().samplePaths(), "days", r.fanChart().days()));
        Map<String, Object> terminal = new LinkedHashMap<>();
        terminal.put("meanPnl", r.terminal().mean());
        terminal.put("quantiles", new TreeMap<>(r.terminal().quantiles()));
        terminal.put("var95", r.terminal().var95());
        terminal.put("cvar95", r.terminal().cvar95());
        terminal.put("var99", r.terminal().var99());
        terminal.put("cvar99", r.terminal().cvar99());
        out.put("terminalPnl", terminal);
        if (r.expectedPayoutIfPassed() != null) {
            out.put("expectedPayoutIfPassed", r.expectedPayoutIfPassed());
        }
        out.put("expectedPayoutPerAttempt", r.expectedPayoutPerAttempt());
        return json.valueToTree(out);
    }

    public static SimulationCompleted.Summary summary(SimulationResult r) {
        return new SimulationCompleted.Summary(p(r.passProbability().estimate()), p(r.passProbability().lower()),
                p(r.passProbability().upper()), failureSplit(r));
    }

    public static List<SimulationCompleted.FanPoint> fanPoints(FanChart fan) {
        return fan.days().stream().map(d -> new SimulationCompleted.FanPoint(d.day(), d.p5(), d.p25(), d.p50(),
                d.p75(), d.p95())).toList();
    }

    private static Map<String, BigDecimal> failureSplit(SimulationResult r) {
        Map<String, BigDecimal> split = new LinkedHashMap<>();
        for (PathOutcome o : PathOutcome.values()) {
            Double share = r.failureShares().get(o);
            if (share != null) {
                split.put(o.name(), p(share));
            }
        }
        return split;
    }

    private static Map<String, Object> fit(ParametricFit f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", Units.toMoney(f.mean()));
        m.put("sd", Units.toMoney(f.sd()));
        if (f.dof() != null) {
            m.put("degreesOfFreedom", p(f.dof()));
        }
        m.put("lowRatio", p(f.lowRatio()));
        m.put("highRatio", p(f.highRatio()));
        m.put("tradingShare", p(f.tradingShare()));
        return m;
    }

    static BigDecimal p(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
    }
}
