package com.vaticprop.trading.rules;

import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.ruleset.DayBoundary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Maximum duration: calendar days in the tier's zone, the start day being day 1. A phase with
 * {@code maxDurationDays = N} may trade through day N and fails with TIME_LIMIT at the boundary that starts day N+1.
 * Without a limit the check is always OK. Distance is the number of days left (today included).
 */
public record MaxDurationRule(Integer maxDurationDays) implements Rule {
    @Override
    public RuleName name() {
        return RuleName.MAX_DURATION;
    }

    /** The instant the phase runs out of time, or {@code null} without a limit. */
    public Instant deadline(DayBoundary boundary, LocalDate startDay) {
        return maxDurationDays == null ? null : boundary.startOf(startDay.plusDays(maxDurationDays));
    }

    @Override
    public boolean breached(RuleContext ctx) {
        return maxDurationDays != null
                && !ctx.at().isBefore(deadline(ctx.ruleSet().dayBoundary(), ctx.account().startDay()));
    }

    @Override
    public RuleCheck evaluate(RuleContext ctx) {
        DayBoundary boundary = ctx.ruleSet().dayBoundary();
        LocalDate start = ctx.account().startDay();
        LocalDate today = boundary.dayOf(ctx.at());
        long dayNumber = ChronoUnit.DAYS.between(start, today) + 1;
        if (maxDurationDays == null) {
            return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), Verdict.OK,
                    Checks.inputs("startDay", start, "dayNumber", dayNumber), null, BigDecimal.valueOf(dayNumber),
                    "START_DAY " + start, boundary.zone(), Unit.DAYS, null, null, "no duration limit → OK");
        }
        Instant deadline = deadline(boundary, start);
        boolean over = !ctx.at().isBefore(deadline);
        Verdict verdict = over ? Verdict.BREACH : Verdict.OK;
        BigDecimal left = BigDecimal.valueOf(maxDurationDays - dayNumber + 1);
        String explanation = "day " + dayNumber + " of " + maxDurationDays + " (started " + start + ", ends "
                + deadline + " = " + start.plusDays(maxDurationDays) + " " + boundary.time() + " " + boundary.zone()
                + ") → " + verdict;
        return new RuleCheck(name(), kind(), ctx.point(), ctx.at(), verdict,
                Checks.inputs("startDay", start, "today", today, "dayNumber", dayNumber, "deadline", deadline),
                BigDecimal.valueOf(maxDurationDays), BigDecimal.valueOf(dayNumber), "START_DAY " + start,
                boundary.zone(), Unit.DAYS, left, Money.percent(left, BigDecimal.valueOf(maxDurationDays)),
                explanation);
    }
}
