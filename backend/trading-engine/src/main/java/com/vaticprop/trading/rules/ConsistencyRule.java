package com.vaticprop.trading.rules;

import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.ruleset.ConsistencyGate;

import java.math.BigDecimal;

/**
 * Consistency gate: the best day's P&L may be at most {@code maxBestDayPctOfProfit} of the total profit. A pass gate,
 * not a breach: a phase that hit its target on one lucky day simply stays ACTIVE until more profit dilutes it.
 * Without a gate configured the check is always MET. Distance is how much more total profit would open the gate.
 */
public record ConsistencyRule(ConsistencyGate gate) implements Rule {
    @Override
    public RuleName name() {
        return RuleName.CONSISTENCY;
    }

    @Override
    public RuleCheck evaluate(RuleContext ctx) {
        AccountSnapshot s = ctx.account();
        var zone = ctx.ruleSet().dayBoundary().zone();
        BigDecimal profit = s.totalProfit();
        BigDecimal best = s.bestDayPnl();
        if (gate == null) {
            return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), Verdict.MET, Checks.inputs(), null, null,
                    "none", zone, Unit.PERCENT, Money.ZERO, Money.ZERO, "no consistency gate in this tier → MET");
        }
        BigDecimal pct = gate.maxBestDayPctOfProfit();
        BigDecimal share = profit.signum() > 0 ? Money.percent(best, profit) : null;
        boolean met = profit.signum() > 0 && best.multiply(Money.HUNDRED).compareTo(pct.multiply(profit)) <= 0;
        Verdict verdict = met ? Verdict.MET : Verdict.NOT_MET;
        // profit needed so that best ≤ pct% of it
        BigDecimal needed = best.signum() > 0 ? best.multiply(Money.HUNDRED).divide(pct, Money.WORK) : BigDecimal.ZERO;
        BigDecimal distance = Money.book(needed.subtract(profit).max(BigDecimal.ZERO));
        String explanation = profit.signum() <= 0 ? "no total profit yet (" + Checks.plain(profit) + ") → NOT_MET"
                : "best day " + Checks.plain(best) + " is " + Checks.plain(share) + "% of total profit "
                + Checks.plain(profit) + (met ? " ≤ " : " > ") + Checks.plain(pct) + "% → " + verdict;
        return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), verdict,
                Checks.inputs("bestDayPnl", best, "totalProfit", profit, "maxBestDayPctOfProfit", pct),
                pct, share, "TOTAL_PROFIT " + Checks.plain(profit), zone, Unit.PERCENT, distance,
                needed.signum() > 0 ? Money.percent(distance, needed) : Money.ZERO, explanation);
    }
}
