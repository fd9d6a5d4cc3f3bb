package com.vaticprop.trading.rules;

import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;

import java.time.Instant;
import java.util.Objects;

/**
 * What a rule sees.
 *
 * @param account   the account now (after the fill / quote / day close that triggered the evaluation)
 * @param closedDay at {@link EvaluationPoint#DAY_ROLL} only: the account as it stood at the boundary, before the
 *                  day was closed (the day-close values and the closing day's anchors); {@code null} otherwise
 */
public record RuleContext(RuleSet ruleSet, Phase phase, AccountSnapshot account, AccountSnapshot closedDay,
                          EvaluationPoint point, Instant at) {
    public RuleContext {
        Objects.requireNonNull(ruleSet, "ruleSet");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(point, "point");
        Objects.requireNonNull(at, "at");
        if (point == EvaluationPoint.DAY_ROLL && closedDay == null) {
            throw new IllegalArgumentException("a day-roll evaluation needs the closed day's snapshot");
        }
    }

    public static RuleContext at(RuleSet ruleSet, Phase phase, AccountSnapshot account, EvaluationPoint point,
                                 Instant at) {
        return new RuleContext(ruleSet, phase, account, null, point, at);
    }
}
