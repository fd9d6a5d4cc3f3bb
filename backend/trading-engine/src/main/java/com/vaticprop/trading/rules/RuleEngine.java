package com.vaticprop.trading.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates a phase's rules and decides what the verdicts mean together.
 *
 * <p>When several hard limits are breached by the same move, the reason is the one a falling equity would have
 * touched first: the highest money floor (so a 5% daily floor above a 10% overall floor wins). Breaches without a
 * money floor (duration, inactivity) come after money breaches, in catalogue order.
 */
public final class RuleEngine {
    private RuleEngine() {
    }

    public static Evaluation evaluate(List<Rule> rules, RuleContext ctx) {
        List<RuleCheck> checks = new ArrayList<>(rules.size());
        for (Rule rule : rules) {
            checks.add(rule.evaluate(ctx));
        }
        Optional<RuleCheck> failure = firstCrossed(checks);
        boolean passReady = failure.isEmpty() && checks.stream()
                .filter(c -> c.kind() == RuleKind.PASS_CONDITION).allMatch(RuleCheck::met);
        return new Evaluation(checks, failure, passReady);
    }

    /** Whether any hard limit is breached: {@code evaluate(rules, ctx).failure().isPresent()}, without the checks. */
    public static boolean anyHardLimitBreached(List<Rule> rules, RuleContext ctx) {
        for (Rule rule : rules) {
            if (rule.breached(ctx)) {
                return true;
            }
        }
        return false;
    }

    static Optional<RuleCheck> firstCrossed(List<RuleCheck> checks) {
        List<RuleCheck> breaches = checks.stream()
                .filter(c -> c.kind() == RuleKind.HARD_LIMIT && c.breached()).toList();
        Optional<RuleCheck> money = breaches.stream().filter(c -> c.unit() == Unit.MONEY)
                .max(Comparator.comparing(RuleCheck::threshold, BigDecimal::compareTo));
        return money.isPresent() ? money : breaches.stream().findFirst();
    }
}
