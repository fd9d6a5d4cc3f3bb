package com.vaticprop.trading.ruleset;

import java.util.Objects;

/** Configuration of the daily-loss rule; semantics in {@code rules.DailyLossRule}. */
public record DailyLossLimit(LossAllowance allowance, LimitBasis limitBasis, DayAnchor anchor, boolean includeOpenPnl,
                             DailyEvaluation evaluation) {
    public DailyLossLimit {
        Objects.requireNonNull(allowance, "allowance");
        Objects.requireNonNull(limitBasis, "limitBasis");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(evaluation, "evaluation");
    }
}
