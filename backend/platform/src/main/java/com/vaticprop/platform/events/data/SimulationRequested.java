package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A Monte Carlo job on the work queue: an assessment's history or an explicit P&L series. */
public record SimulationRequested(UUID simulationId, UUID assessmentId, UUID userId, List<BigDecimal> pnlSeries,
                                  String method, int paths, int horizonDays, long seed, Instant requestedAt)
        implements EventData {
}
