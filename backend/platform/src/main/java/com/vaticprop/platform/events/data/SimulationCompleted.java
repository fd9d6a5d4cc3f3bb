package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

public record SimulationCompleted(UUID simulationId, String status, Summary summary, List<FanPoint> fanChart)
        implements EventData {

    public record Summary(BigDecimal passProbability, BigDecimal ciLow, BigDecimal ciHigh,
                          Map<String, BigDecimal> failureSplit) {
    }

    /** Equity percentiles (5/25/50/75/95) on one simulated day. */
    public record FanPoint(int day, BigDecimal p5, BigDecimal p25, BigDecimal p50, BigDecimal p75, BigDecimal p95) {
    }
}
