package com.vaticprop.trading.rules;

import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.ruleset.MaxLossLimit;

import java.math.BigDecimal;

import static com.vaticprop.trading.rules.Checks.plain;

/**
 * Overall loss floor, measured on equity: STATIC {@code initial − L}; TRAILING_EOD_BALANCE
 * {@code max(initial, highest day-close balance) − L} (raised only at day close); TRAILING_INTRADAY_EQUITY
 * {@code max(initial, peak equity) − L} (raised on every mark, so giving back open profit tightens it). With
 * {@code lockAtInitial} the floor stops rising at {@code initial + lockOffset}. Distance % is the share of L left.
 */
public record MaxLossRule(MaxLossLimit limit) implements Rule {
    @Override
    public RuleName name() {
        return RuleName.MAX_LOSS;
    }

    /** The floor for a snapshot; public so that fast paths can be property-tested against it. */
    public BigDecimal floor(AccountSnapshot s) {
        BigDecimal allowance = limit.allowance().resolve(s.initialBalance());
        BigDecimal high = switch (limit.mode()) {
            case STATIC -> s.initialBalance();
            case TRAILING_EOD_BALANCE -> Money.max(s.initialBalance(), s.highestCloseBalance());
            case TRAILING_INTRADAY_EQUITY -> Money.max(s.initialBalance(), s.peakEquity());
        };
        BigDecimal floor = high.subtract(allowance);
        if (limit.lockAtInitial()) {
            floor = Money.min(floor, s.initialBalance().add(limit.lockOffset()));
        }
        return Money.book(floor);
    }

    @Override
    public boolean breached(RuleContext ctx) {
        return ctx.account().equity().compareTo(floor(ctx.account())) <= 0;
    }

    @Override
    public RuleCheck evaluate(RuleContext ctx) {
        AccountSnapshot s = ctx.account();
        BigDecimal allowance = limit.allowance().resolve(s.initialBalance());
        BigDecimal floor = floor(s);
        BigDecimal lockLevel = Money.book(s.initialBalance().add(limit.lockOffset()));
        boolean locked = limit.lockAtInitial() && floor.compareTo(lockLevel) == 0;
        String anchorName = switch (limit.mode()) {
            case STATIC -> "INITIAL_BALANCE " + plain(s.initialBalance());
            case TRAILING_EOD_BALANCE -> "HIGHEST_CLOSE_BALANCE " + plain(Money.max(s.initialBalance(),
                    s.highestCloseBalance()));
            case TRAILING_INTRADAY_EQUITY -> "PEAK_EQUITY " + plain(Money.max(s.initialBalance(), s.peakEquity()));
        } + (locked ? " (locked at initial + " + plain(limit.lockOffset()) + ")" : "");
        BigDecimal equity = s.equity();
        boolean touched = equity.compareTo(floor) <= 0;
        Verdict verdict = touched ? Verdict.BREACH : Verdict.OK;
        BigDecimal distance = Money.book(equity.subtract(floor));
        String explanation = "equity " + plain(equity) + (touched ? " ≤ " : " > ") + "floor " + plain(floor) + " ("
                + limit.mode() + ", L = " + limit.allowance().describe(s.initialBalance()) + ", from " + anchorName
                + ") → " + verdict;
        return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), verdict,
                Checks.inputs("mode", limit.mode(), "initialBalance", s.initialBalance(), "allowance", allowance,
                        "highestCloseBalance", s.highestCloseBalance(), "peakEquity", s.peakEquity(),
                        "lockAtInitial", limit.lockAtInitial(), "lockOffset", limit.lockOffset(), "equity", equity),
                floor, equity, anchorName, ctx.ruleSet().dayBoundary().zone(), Unit.MONEY, distance,
                Money.percent(distance, allowance), explanation);
    }
}
