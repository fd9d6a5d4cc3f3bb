package com.vaticprop.trading.rules;

import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.money.Money;

import java.math.BigDecimal;

/**
 * Minimum trading days: days (in the tier's zone) with at least one fill of at least
 * {@code tradingDay.minTradeNotionalPctOfInitial} of the initial balance; today counts as soon as it qualifies.
 * Distance is the number of days still needed.
 */
public record MinTradingDaysRule(int minTradingDays, BigDecimal minTradeNotionalPctOfInitial) implements Rule {
    @Override
    public RuleName name() {
        return RuleName.MIN_TRADING_DAYS;
    }

    @Override
    public RuleCheck evaluate(RuleContext ctx) {
        AccountSnapshot s = ctx.account();
        int have = s.tradingDays();
        Verdict verdict = have >= minTradingDays ? Verdict.MET : Verdict.NOT_MET;
        int missing = Math.max(0, minTradingDays - have);
        BigDecimal minNotional = Money.pctOf(minTradeNotionalPctOfInitial, s.initialBalance());
        String explanation = have + " trading day(s) of " + minTradingDays + " required (a trading day has a fill of"
                + " at least " + Checks.plain(minNotional) + " notional) → " + verdict;
        return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), verdict,
                Checks.inputs("tradingDays", have, "todayIsTradingDay", s.todayIsTradingDay(),
                        "minTradeNotional", minNotional, "startDay", s.startDay()),
                BigDecimal.valueOf(minTradingDays), BigDecimal.valueOf(have), "START_DAY " + s.startDay(),
                ctx.ruleSet().dayBoundary().zone(), Unit.DAYS, BigDecimal.valueOf(missing),
                Money.percent(BigDecimal.valueOf(missing), BigDecimal.valueOf(minTradingDays)), explanation);
    }
}
