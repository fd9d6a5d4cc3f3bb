package com.vaticprop.trading.rules;

import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue: every rule a phase is judged by, in one place, built from the tier's rule set. The order is the
 * order checks are reported in.
 */
public final class Rules {
    private Rules() {
    }

    public static List<Rule> forPhase(RuleSet ruleSet, Phase phase) {
        List<Rule> rules = new ArrayList<>();
        ruleSet.dailyLossLimit().ifPresent(limit -> rules.add(new DailyLossRule(limit)));
        rules.add(new MaxLossRule(ruleSet.maxLoss()));
        rules.add(new MaxDurationRule(phase.maxDurationDays()));
        ruleSet.inactivityLimitDays().ifPresent(days -> rules.add(new InactivityRule(days)));
        rules.add(new ProfitTargetRule(phase.profitTargetPct()));
        rules.add(new MinTradingDaysRule(phase.minTradingDays(),
                ruleSet.tradingDay().minTradeNotionalPctOfInitial()));
        rules.add(new ConsistencyRule(ruleSet.consistency()));
        rules.add(new ExposureRule(ruleSet.exposure()));
        return List.copyOf(rules);
    }
}
