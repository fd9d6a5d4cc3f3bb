package com.vaticprop.trading.rules;

import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.ruleset.DailyEvaluation;
import com.vaticprop.trading.ruleset.DailyLossLimit;
import com.vaticprop.trading.ruleset.LimitBasis;

import java.math.BigDecimal;

import static com.vaticprop.trading.rules.Checks.plain;

/**
 * Daily loss: {@code floor = anchor − allowance}; breached when the measured value touches the floor.
 * <ul>
 *   <li>anchor: day 1 the initial balance, afterwards the prior day's close balance, equity, or the higher of both;
 *   <li>allowance: a percentage of the initial balance or of the anchor, or a fixed amount;
 *   <li>measured: equity (open P&L included) or balance;
 *   <li>{@code END_OF_DAY}: only the value at the day boundary counts, so an intraday dip that recovered is forgiven.
 * </ul>
 * At a day roll the closing day is measured with its own anchor; the next day's anchor applies from then on.
 * Distance % is the share of the allowance still left.
 */
public record DailyLossRule(DailyLossLimit limit) implements Rule {
    @Override
    public RuleName name() {
        return RuleName.DAILY_LOSS;
    }

    /** The day's anchor for a snapshot: day 1 the initial balance, then the prior close the limit names. */
    private BigDecimal anchor(AccountSnapshot s) {
        if (s.day().equals(s.startDay())) {
            return s.initialBalance();
        }
        return switch (limit.anchor()) {
            case PRIOR_DAY_BALANCE -> s.dayOpenBalance();
            case PRIOR_DAY_EQUITY -> s.dayOpenEquity();
            case MAX_OF_BOTH -> Money.max(s.dayOpenBalance(), s.dayOpenEquity());
        };
    }

    private BigDecimal base(AccountSnapshot s, BigDecimal anchor) {
        return limit.limitBasis() == LimitBasis.INITIAL_BALANCE ? s.initialBalance() : anchor;
    }

    private BigDecimal floor(BigDecimal anchor, BigDecimal allowance) {
        return Money.book(anchor.subtract(allowance));
    }

    private BigDecimal measured(AccountSnapshot s) {
        return limit.includeOpenPnl() ? s.equity() : s.balance();
    }

    private static AccountSnapshot measuredSnapshot(RuleContext ctx) {
        return ctx.point() == EvaluationPoint.DAY_ROLL ? ctx.closedDay() : ctx.account();
    }

    private boolean counts(RuleContext ctx) {
        return limit.evaluation() == DailyEvaluation.INTRADAY || ctx.point() == EvaluationPoint.DAY_ROLL;
    }

    @Override
    public boolean breached(RuleContext ctx) {
        if (!counts(ctx)) {
            return false;
        }
        AccountSnapshot s = measuredSnapshot(ctx);
        BigDecimal anchor = anchor(s);
        return measured(s).compareTo(floor(anchor, limit.allowance().resolve(base(s, anchor)))) <= 0;
    }

    @Override
    public RuleCheck evaluate(RuleContext ctx) {
        boolean dayRoll = ctx.point() == EvaluationPoint.DAY_ROLL;
        AccountSnapshot s = measuredSnapshot(ctx);
        String anchorName = s.day().equals(s.startDay()) ? "INITIAL_BALANCE (day 1)" : limit.anchor().name();
        BigDecimal anchor = anchor(s);
        BigDecimal base = base(s, anchor);
        BigDecimal allowance = limit.allowance().resolve(base);
        BigDecimal floor = floor(anchor, allowance);
        BigDecimal measured = measured(s);
        String measuredName = limit.includeOpenPnl() ? "equity" : "balance";
        boolean counts = counts(ctx);
        boolean touched = measured.compareTo(floor) <= 0;
        Verdict verdict = counts && touched ? Verdict.BREACH : Verdict.OK;
        BigDecimal distance = Money.book(measured.subtract(floor));
        String explanation = measuredName + " " + plain(measured) + (touched ? " ≤ " : " > ") + "floor "
                + plain(floor) + " = anchor " + plain(anchor) + " − allowance " + plain(allowance) + " ("
                + limit.allowance().describe(base) + ") on " + s.day() + " in " + ctx.ruleSet().dayBoundary().zone()
                + (limit.evaluation() == DailyEvaluation.END_OF_DAY
                ? (dayRoll ? "; checked at the day close" : "; only the day close counts") : "")
                + " → " + verdict;
        return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), verdict,
                Checks.inputs("day", s.day(), "anchor", anchorName, "anchorValue", anchor, "limitBasis",
                        limit.limitBasis(), "base", base, "allowance", allowance, "includeOpenPnl",
                        limit.includeOpenPnl(), "evaluation", limit.evaluation(), "balance", s.balance(), "equity",
                        s.equity(), "dayBoundary", ctx.ruleSet().dayBoundary().time()),
                floor, measured, anchorName + " " + plain(anchor) + " (day " + s.day() + ")",
                ctx.ruleSet().dayBoundary().zone(), Unit.MONEY, distance, Money.percent(distance, allowance),
                explanation);
    }
}
