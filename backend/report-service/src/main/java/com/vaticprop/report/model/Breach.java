package com.vaticprop.report.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A rule violation as the rule engine reported it — the dispute-proof part of a failed assessment: the engine's
 * explanation (inputs, threshold, measured value, day anchor, zone) and the quote that caused it.
 */
public record Breach(UUID violationId, String rule, Map<String, Object> explanation, BigDecimal threshold,
                     BigDecimal measured, Map<String, Object> quote, Instant detectedAt, boolean voided) {
}
