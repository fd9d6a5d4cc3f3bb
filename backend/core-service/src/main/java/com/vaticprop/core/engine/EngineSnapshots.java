package com.vaticprop.core.engine;

import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.trading.assessment.AssessmentEngine;
import com.vaticprop.trading.assessment.EngineSettings;
import com.vaticprop.trading.assessment.EngineSnapshot;
import com.vaticprop.trading.ruleset.RuleSet;

/** The engine's snapshot as the JSON stored in {@code assessments.engine_state}. */
final class EngineSnapshots {

    private EngineSnapshots() {
    }

    static String write(AssessmentEngine engine) {
        return VaticJson.mapper().writeValueAsString(engine.snapshot());
    }

    static AssessmentEngine read(String assessmentId, RuleSet ruleSet, EngineSettings settings, String json) {
        EngineSnapshot snapshot = VaticJson.mapper().readValue(json, EngineSnapshot.class);
        return AssessmentEngine.restore(assessmentId, ruleSet, settings, snapshot);
    }
}
