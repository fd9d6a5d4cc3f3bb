package com.vaticprop.trading.rules;

import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.money.Money;

import java.math.BigDecimal;

import static com.vaticprop.trading.rules.Checks.plain;

/**
 * The phase's profit target: met when equity ≥ {@code initial × (1 + pct)} with no open position (open profit is
 * not profit until it is realized). Distance is the money still to make; distance % is its share of the target profit.
 */
public record ProfitTargetRule(BigDecimal profitTargetPct) implements Rule {
    @Override
    public RuleName name() {
        return RuleName.PROFIT_TARGET;
    }

    @Override
    public RuleCheck evaluate(RuleContext ctx) {
        AccountSnapshot s = ctx.account();
        BigDecimal goal = Money.pctOf(profitTargetPct, s.initialBalance());
        BigDecimal target = Money.book(s.initialBalance().add(goal));
        BigDecimal equity = s.equity();
        boolean reached = equity.compareTo(target) >= 0;
        Verdict verdict = reached && s.flat() ? Verdict.MET : Verdict.NOT_MET;
        BigDecimal distance = Money.book(target.subtract(equity));
        String explanation = "equity " + plain(equity) + (reached ? " ≥ " : " < ") + "target " + plain(target)
                + " (initial " + plain(s.initialBalance()) + " + " + plain(profitTargetPct) + "%)"
                + (reached && !s.flat() ? " but " + s.openPositions() + " position(s) still open" : "")
                + " → " + verdict;
        return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), verdict,
                Checks.inputs("initialBalance", s.initialBalance(), "profitTargetPct", profitTargetPct, "equity",
                        equity, "openPositions", s.openPositions()),
                target, equity, "INITIAL_BALANCE " + plain(s.initialBalance()), ctx.ruleSet().dayBoundary().zone(),
                Unit.MONEY, distance, Money.percent(distance, goal), explanation);
    }
}
