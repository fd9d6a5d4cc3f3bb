package com.vaticprop.montecarlo.spec;

import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.risk.SimulationRequest;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;

/**
 * A simulation fully resolved at request time and stored with its row: the sample is frozen (an assessment's sample
 * is copied from the read model when the request is accepted), so the job gives the same result whichever pod runs
 * it, however late, and a retry after a dead pod computes exactly what the first attempt would have.
 */
public record SimulationSpec(MethodName method, Double blockLength, Double degreesOfFreedom, int horizonDays,
                             int paths, long seed, int threads, int phase, BigDecimal initialBalance,
                             JsonNode ruleSet, SampleJson sample) {

    /** The engine's request; the rule set was validated when the request was accepted. */
    public SimulationRequest toEngineRequest() {
        return new SimulationRequest(sample.toEngine(), method.toMethod(blockLength, degreesOfFreedom),
                RuleSetJson.read(ruleSet).orThrow(), phase, initialBalance, horizonDays, paths, seed, threads,
                Math.min(paths, SimulationRequest.DEFAULT_FAN_CHART_PATHS));
    }
}
