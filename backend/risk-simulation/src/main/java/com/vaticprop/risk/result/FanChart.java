package com.vaticprop.risk.result;

import java.math.BigDecimal;
import java.util.List;

/**
 * Equity at each day's close, percentiles 5/25/50/75/95 over the fan-chart sample of paths (a path that passed or
 * failed keeps its final equity for the rest of the horizon: the account is finished, not gone).
 */
public record FanChart(int samplePaths, List<Day> days) {
    public FanChart {
        days = List.copyOf(days);
    }

    public record Day(int day, BigDecimal p5, BigDecimal p25, BigDecimal p50, BigDecimal p75, BigDecimal p95) {
    }
}
