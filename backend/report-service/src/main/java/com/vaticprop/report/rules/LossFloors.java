package com.vaticprop.report.rules;

import com.vaticprop.trading.account.AccountSnapshot;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.rules.MaxLossRule;
import com.vaticprop.trading.ruleset.DailyLossLimit;
import com.vaticprop.trading.ruleset.LimitBasis;
import com.vaticprop.trading.ruleset.RuleSet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The daily-loss and max-loss floors as they moved, day by day, rebuilt from the day closes with the trading
 * engine's own definitions (the max-loss floor is {@link MaxLossRule#floor} itself; the daily-loss floor is the
 * engine's anchor − allowance). What a day close cannot tell is approximated and said so in the report: a trailing
 * intraday-equity floor uses the highest equity of the days before and of the day itself, so within the day it is
 * the floor at the day's peak (the highest it got that day).
 */
public final class LossFloors {

    /** The floors in force during one day (null when the tier has no such rule). */
    public record Day(LocalDate day, BigDecimal dailyLossFloor, BigDecimal maxLossFloor) {
    }

    /** One closed day as the floors need it. */
    public record Close(LocalDate day, BigDecimal closeBalance, BigDecimal closeEquity, BigDecimal maxEquity) {
    }

    private LossFloors() {
    }

    public static List<Day> of(RuleSet rules, BigDecimal initial, List<Close> days) {
        List<Day> out = new ArrayList<>(days.size());
        BigDecimal priorBalance = initial;
        BigDecimal priorEquity = initial;
        BigDecimal highestClose = initial;
        BigDecimal peakEquity = initial;
        MaxLossRule maxLoss = new MaxLossRule(rules.maxLoss());
        for (int i = 0; i < days.size(); i++) {
            Close d = days.get(i);
            BigDecimal daily = null;
            DailyLossLimit dl = rules.dailyLoss();
            if (dl != null) {
                BigDecimal anchor = i == 0 ? initial : switch (dl.anchor()) {
                    case PRIOR_DAY_BALANCE -> priorBalance;
                    case PRIOR_DAY_EQUITY -> priorEquity;
                    case MAX_OF_BOTH -> Money.max(priorBalance, priorEquity);
                };
                BigDecimal base = dl.limitBasis() == LimitBasis.INITIAL_BALANCE ? initial : anchor;
                daily = Money.book(anchor.subtract(dl.allowance().resolve(base)));
            }
            peakEquity = Money.max(peakEquity, d.maxEquity());
            BigDecimal max = maxLoss.floor(snapshot(initial, highestClose, peakEquity));
            out.add(new Day(d.day(), daily, max));
            priorBalance = d.closeBalance();
            priorEquity = d.closeEquity();
            highestClose = Money.max(highestClose, d.closeBalance());
        }
        return out;
    }

    /** The snapshot fields {@link MaxLossRule#floor} reads; the rest are irrelevant to it. */
    private static AccountSnapshot snapshot(BigDecimal initial, BigDecimal highestClose, BigDecimal peakEquity) {
        BigDecimal z = BigDecimal.ZERO;
        LocalDate d = LocalDate.EPOCH;
        return new AccountSnapshot(initial, z, z, z, z, z, z, z, 0, d, d, z, z, z, z, peakEquity, highestClose, 0,
                false, z, null, z);
    }
}
