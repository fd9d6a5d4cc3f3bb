package com.vaticprop.trading.assessment;

import com.vaticprop.trading.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.List;

/**
 * Replays stored evidence: the pinned rule set, the engine settings and the ordered inputs (orders with their
 * arrival times, the quotes as received, status changes, resolutions, timer ticks, lifecycle commands). Because the
 * engine reads no clock and draws no random numbers, the replay reproduces every fill, check and the verdict.
 */
public final class Replay {
    private Replay() {
    }

    public record Outcome(List<EngineResult> results, AssessmentState finalState, Lifecycle lifecycle, int phase) {
        public Outcome {
            results = List.copyOf(results);
        }
    }

    public static Outcome run(String assessmentId, RuleSet ruleSet, EngineSettings settings,
                              List<EngineInput> inputs) {
        AssessmentEngine engine = new AssessmentEngine(assessmentId, ruleSet, settings);
        List<EngineResult> results = new ArrayList<>(inputs.size());
        for (EngineInput input : inputs) {
            results.add(engine.apply(input));
        }
        return new Outcome(results, engine.state(), engine.lifecycle(), engine.phase());
    }
}
