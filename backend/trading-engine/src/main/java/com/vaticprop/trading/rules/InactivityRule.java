package com.vaticprop.trading.rules;

import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.ruleset.DayBoundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Inactivity: fails once {@code inactivityDays} whole calendar days (in the zone) pass without a fill, counted from
 * the day of the last fill (or the start day when there was none). Distance is the number of idle days left.
 */
public record InactivityRule(int inactivityDays) implements Rule {
    @Override
    public RuleName name() {
        return RuleName.INACTIVITY;
    }

    public Instant deadline(DayBoundary boundary, LocalDate lastActiveDay) {
        return boundary.startOf(lastActiveDay.plusDays(inactivityDays + 1L));
    }

    @Override
    public boolean breached(RuleContext ctx) {
        LocalDate last = ctx.account().lastTradeDay() != null ? ctx.account().lastTradeDay()
                : ctx.account().startDay();
        return !ctx.at().isBefore(deadline(ctx.ruleSet().dayBoundary(), last));
    }

    @Override
    public RuleCheck evaluate(RuleContext ctx) {
        DayBoundary boundary = ctx.ruleSet().dayBoundary();
        LocalDate last = ctx.account().lastTradeDay() != null ? ctx.account().lastTradeDay()
                : ctx.account().startDay();
        LocalDate today = boundary.dayOf(ctx.at());
        long idle = Math.max(0, ChronoUnit.DAYS.between(last, today) - 1);
        Instant deadline = deadline(boundary, last);
        boolean over = !ctx.at().isBefore(deadline);
        Verdict verdict = over ? Verdict.BREACH : Verdict.OK;
        BigDecimal left = BigDecimal.valueOf(inactivityDays - idle);
        String anchor = (ctx.account().lastTradeDay() != null ? "LAST_TRADE_DAY " : "START_DAY ") + last;
        String explanation = idle + " whole idle day(s) since " + last + " of " + inactivityDays + " allowed (fails at "
                + deadline + ") → " + verdict;
        return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), verdict,
                Checks.inputs("lastActiveDay", last, "today", today, "deadline", deadline),
                BigDecimal.valueOf(inactivityDays), BigDecimal.valueOf(idle), anchor, boundary.zone(), Unit.DAYS,
                left, Money.percent(left, BigDecimal.valueOf(inactivityDays)), explanation);
    }
}
