package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

public record ViolationDetected(UUID violationId, String rule, Explanation explanation, QuoteEvidence quote)
        implements EventData {

    /** Why the rule fired: its inputs, the threshold, the measured value, and the day anchor in its zone. */
    public record Explanation(Map<String, String> inputs, BigDecimal threshold, BigDecimal value, String anchor,
                              String zone) {
    }
}
