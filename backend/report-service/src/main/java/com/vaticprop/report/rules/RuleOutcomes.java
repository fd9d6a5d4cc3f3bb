package com.vaticprop.report.rules;

import com.vaticprop.report.model.Breach;
import com.vaticprop.report.model.DayRow;
import com.vaticprop.report.model.RuleOutcome;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.ruleset.DailyEvaluation;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The rule section: for each rule of the tier its limit, the worst value the trader reached against it and when,
 * measured on the day closes of the current phase (the day's lowest equity for intraday limits). A rule with a
 * non-voided violation is BREACHED whatever the day closes say — the engine measured it on the quote itself.
 */
public final class RuleOutcomes {

    private RuleOutcomes() {
    }

    public static List<RuleOutcome> of(RuleSet rules, int phaseIndex, BigDecimal initial, List<DayRow> days,
                                       Breach breach, LocalDate startDay, LocalDate asOf) {
        List<RuleOutcome> out = new ArrayList<>();
        Breach live = breach == null || breach.voided() ? null : breach;
        String breached = live == null ? null : live.rule();
        if (rules.dailyLoss() != null) {
            out.add(atBreach(dailyLoss(rules, days, breached), live, rules.dayBoundary().zone()));
        }
        out.add(atBreach(maxLoss(rules, initial, days, breached), live, rules.dayBoundary().zone()));
        Phase phase = rules.phase(Math.min(phaseIndex, rules.phases().size() - 1));
        out.add(profitTarget(phase, initial, days));
        out.add(minTradingDays(phase, days));
        if (phase.maxDurationDays() != null) {
            out.add(maxDuration(phase, startDay, asOf, breached));
        }
        if (rules.consistency() != null) {
            out.add(consistency(rules, days));
        }
        if (rules.inactivityDays() != null) {
            out.add(inactivity(rules, days, breached));
        }
        return out;
    }

    /**
     * A breached limit reports the rule engine's own measurement at the breach (threshold, measured value, day in the
     * tier's zone) instead of the day-close approximation: that is the value the assessment was failed on.
     */
    private static RuleOutcome atBreach(RuleOutcome o, Breach breach, java.time.ZoneId zone) {
        if (breach == null || !o.rule().equals(breach.rule()) || breach.threshold() == null
                || breach.measured() == null) {
            return o;
        }
        return new RuleOutcome(o.rule(), o.kind(), o.limit(), breach.threshold(), breach.measured(),
                breach.detectedAt() == null ? o.worstOn() : LocalDate.ofInstant(breach.detectedAt(), zone),
                breach.measured().subtract(breach.threshold()), "BREACHED",
                "the rule engine's measurement at the breach");
    }

    private static RuleOutcome dailyLoss(RuleSet rules, List<DayRow> days, String breached) {
        boolean eod = rules.dailyLoss().evaluation() == DailyEvaluation.END_OF_DAY;
        boolean equity = rules.dailyLoss().includeOpenPnl();
        DayRow worst = null;
        BigDecimal worstDistance = null;
        for (DayRow d : days) {
            BigDecimal measured = measured(d, eod, equity);
            BigDecimal distance = measured.subtract(d.dailyLossFloor());
            if (worstDistance == null || distance.compareTo(worstDistance) < 0) {
                worstDistance = distance;
                worst = d;
            }
        }
        String limit = rules.dailyLoss().allowance().describe(rules.initialBalance()) + " below the day anchor ("
                + rules.dailyLoss().anchor() + ", " + rules.dailyLoss().limitBasis() + " basis), measured on "
                + (equity ? "equity" : "balance") + (eod ? " at the day close" : " intraday");
        return hardLimit("DAILY_LOSS", limit, worst == null ? null : worst.dailyLossFloor(),
                worst == null ? null : measured(worst, eod, equity), worst, worstDistance, breached,
                "floor shown is the one of the worst day");
    }

    private static RuleOutcome maxLoss(RuleSet rules, BigDecimal initial, List<DayRow> days, String breached) {
        DayRow worst = null;
        BigDecimal worstDistance = null;
        for (DayRow d : days) {
            BigDecimal distance = d.minEquity().subtract(d.maxLossFloor());
            if (worstDistance == null || distance.compareTo(worstDistance) < 0) {
                worstDistance = distance;
                worst = d;
            }
        }
        String limit = rules.maxLoss().allowance().describe(initial) + ", " + rules.maxLoss().mode()
                + (rules.maxLoss().lockAtInitial() ? ", locked at initial + " + rules.maxLoss().lockOffset() : "");
        return hardLimit("MAX_LOSS", limit, worst == null ? null : worst.maxLossFloor(),
                worst == null ? null : worst.minEquity(), worst, worstDistance, breached,
                "measured on the day's lowest equity");
    }

    private static RuleOutcome hardLimit(String rule, String limit, BigDecimal floor, BigDecimal worstValue,
                                         DayRow worst, BigDecimal distance, String breached, String note) {
        String status = rule.equals(breached) ? "BREACHED" : worst == null ? "NOT_MEASURED" : "OK";
        return new RuleOutcome(rule, "HARD_LIMIT", limit, floor, worstValue, worst == null ? null : worst.day(),
                distance, status, note);
    }

    private static BigDecimal measured(DayRow d, boolean eod, boolean equity) {
        if (eod) {
            return equity ? d.closeEquity() : d.closeBalance();
        }
        // intraday balance is not in a day close: the close balance is the closest measure
        return equity ? d.minEquity() : d.closeBalance();
    }

    private static RuleOutcome profitTarget(Phase phase, BigDecimal initial, List<DayRow> days) {
        BigDecimal target = Money.book(initial.add(Money.pctOf(phase.profitTargetPct(), initial)));
        DayRow best = null;
        for (DayRow d : days) {
            if (best == null || d.closeEquity().compareTo(best.closeEquity()) > 0) {
                best = d;
            }
        }
        String status = best == null ? "NOT_MEASURED"
                : best.closeEquity().compareTo(target) >= 0 ? "MET" : "NOT_MET";
        return new RuleOutcome("PROFIT_TARGET", "PASS_CONDITION", phase.profitTargetPct().toPlainString()
                + "% of the initial balance (" + phase.name() + ")", target,
                best == null ? null : best.closeEquity(), best == null ? null : best.day(),
                best == null ? null : best.closeEquity().subtract(target), status,
                "best value is the highest day-close equity");
    }

    private static RuleOutcome minTradingDays(Phase phase, List<DayRow> days) {
        long trading = days.stream().filter(DayRow::tradingDay).count();
        return new RuleOutcome("MIN_TRADING_DAYS", "PASS_CONDITION", phase.minTradingDays() + " trading days",
                BigDecimal.valueOf(phase.minTradingDays()), BigDecimal.valueOf(trading), null,
                BigDecimal.valueOf(trading - phase.minTradingDays()),
                trading >= phase.minTradingDays() ? "MET" : "NOT_MET", null);
    }

    private static RuleOutcome maxDuration(Phase phase, LocalDate start, LocalDate asOf, String breached) {
        long used = start == null || asOf == null ? 0 : ChronoUnit.DAYS.between(start, asOf) + 1;
        String status = "MAX_DURATION".equals(breached) || "TIME_LIMIT".equals(breached) ? "BREACHED" : "OK";
        return new RuleOutcome("MAX_DURATION", "HARD_LIMIT", phase.maxDurationDays() + " calendar days",
                BigDecimal.valueOf(phase.maxDurationDays()), BigDecimal.valueOf(used), asOf,
                BigDecimal.valueOf(phase.maxDurationDays() - used), status, "calendar days used so far");
    }

    private static RuleOutcome consistency(RuleSet rules, List<DayRow> days) {
        BigDecimal max = rules.consistency().maxBestDayPctOfProfit();
        BigDecimal profit = BigDecimal.ZERO;
        DayRow best = null;
        for (DayRow d : days) {
            profit = profit.add(d.dayPnl());
            if (best == null || d.dayPnl().compareTo(best.dayPnl()) > 0) {
                best = d;
            }
        }
        if (best == null || profit.signum() <= 0) {
            return new RuleOutcome("CONSISTENCY", "PASS_CONDITION", "best day ≤ " + max.toPlainString()
                    + "% of total profit", max, null, null, null, "NOT_MEASURED", "no profit yet");
        }
        BigDecimal pct = best.dayPnl().multiply(Money.HUNDRED).divide(profit, 4, RoundingMode.HALF_EVEN);
        return new RuleOutcome("CONSISTENCY", "PASS_CONDITION", "best day ≤ " + max.toPlainString()
                + "% of total profit", max, pct, best.day(), max.subtract(pct),
                pct.compareTo(max) <= 0 ? "MET" : "NOT_MET", "best day as % of total profit");
    }

    private static RuleOutcome inactivity(RuleSet rules, List<DayRow> days, String breached) {
        int longest = 0;
        int run = 0;
        LocalDate worstEnd = null;
        for (DayRow d : days) {
            run = d.tradingDay() ? 0 : run + 1;
            if (run > longest) {
                longest = run;
                worstEnd = d.day();
            }
        }
        String status = "INACTIVITY".equals(breached) ? "BREACHED" : days.isEmpty() ? "NOT_MEASURED" : "OK";
        return new RuleOutcome("INACTIVITY", "HARD_LIMIT", rules.inactivityDays() + " days without a trading day",
                BigDecimal.valueOf(rules.inactivityDays()), BigDecimal.valueOf(longest), worstEnd,
                BigDecimal.valueOf(rules.inactivityDays() - longest), status, "longest run of non-trading days");
    }
}
