package com.vaticprop.trading.rules;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rule's verdict that explains itself: a trader disputing a failure, or support reading the evidence, must be
 * able to recompute it from this record alone.
 *
 * @param inputs       the named values the rule used (ordered)
 * @param threshold    the limit: a floor for loss rules, a target, a number of days, a percentage
 * @param measured     the value compared against the threshold
 * @param anchor       what the threshold hangs from (e.g. {@code PRIOR_DAY_BALANCE 101250 (day 2026-03-28)})
 * @param zone         the day-boundary zone the rule's days are counted in
 * @param distance     how far the measured value is from the limit, in {@link #unit()} (negative once crossed for
 *                     limits; remaining amount for pass conditions)
 * @param distancePct  the same distance as a percentage of the rule's allowance or goal (see each rule)
 */
public record RuleCheck(RuleName rule, RuleKind kind, EvaluationPoint point, Instant at, Verdict verdict,
                        Map<String, String> inputs, BigDecimal threshold, BigDecimal measured, String anchor,
                        ZoneId zone, Unit unit, BigDecimal distance, BigDecimal distancePct, String explanation) {
    public RuleCheck {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(verdict, "verdict");
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    public boolean breached() {
        return verdict == Verdict.BREACH;
    }

    public boolean met() {
        return verdict == Verdict.MET;
    }
}
