package com.vaticprop.report.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The latest successful Monte Carlo simulation of the assessment: pass probability and the fan chart. */
public record SimulationSection(UUID simulationId, BigDecimal passProbability, BigDecimal ciLow, BigDecimal ciHigh,
                                Map<String, BigDecimal> failureSplit, List<FanPoint> fanChart, Instant completedAt) {

    public record FanPoint(int day, BigDecimal p5, BigDecimal p25, BigDecimal p50, BigDecimal p75, BigDecimal p95) {
    }
}
