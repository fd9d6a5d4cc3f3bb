package com.vaticprop.risk.result;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The distribution of {@code equity − initial} at the end of the horizon (or at the verdict, where the account stops).
 *
 * @param quantiles P&L quantiles keyed by percent (1, 5, 25, 50, 75, 95, 99)
 * @param var95     value at risk: the loss not exceeded with 95% probability ({@code −q5}; negative = a gain)
 * @param cvar95    expected shortfall: the mean loss over the worst 5% of paths
 */
public record RiskMeasures(BigDecimal mean, Map<Integer, BigDecimal> quantiles, BigDecimal var95, BigDecimal cvar95,
                           BigDecimal var99, BigDecimal cvar99) {
    public RiskMeasures {
        quantiles = Map.copyOf(quantiles);
    }
}
