package com.vaticprop.trading.rules;

import java.util.List;
import java.util.Optional;

/**
 * The result of evaluating every rule once.
 *
 * @param failure   the breach that fails the phase, if any (see {@link RuleEngine} for how one is chosen)
 * @param passReady whether every pass condition is MET and nothing is breached
 */
public record Evaluation(List<RuleCheck> checks, Optional<RuleCheck> failure, boolean passReady) {
    public Evaluation {
        checks = List.copyOf(checks);
    }

    public Optional<RuleCheck> check(RuleName rule) {
        return checks.stream().filter(c -> c.rule() == rule).findFirst();
    }
}
