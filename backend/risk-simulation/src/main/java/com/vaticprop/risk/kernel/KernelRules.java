package com.vaticprop.risk.kernel;

import com.vaticprop.risk.sample.Units;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.ruleset.DailyEvaluation;
import com.vaticprop.trading.ruleset.DailyLossLimit;
import com.vaticprop.trading.ruleset.LimitBasis;
import com.vaticprop.trading.ruleset.LossAllowance;
import com.vaticprop.trading.ruleset.MaxLossLimit;
import com.vaticprop.trading.ruleset.Phase;
import com.vaticprop.trading.ruleset.RuleSet;

import java.math.BigDecimal;

/**
 * A phase's rules folded into longs once per simulation, with the engine's own BigDecimal arithmetic (so every
 * constant is the engine's booked value to the last unit): target, allowances, lock level, percentages as exact
 * fractions for what must be computed per day (a daily allowance that is a percentage of the day's anchor) or compared
 * per pass (the consistency share).
 *
 * @param initial            the account's initial balance (units)
 * @param target             {@code initial + profitTargetPct} as {@code ProfitTargetRule} books it
 * @param maxDurationDays    {@link Integer#MAX_VALUE} without a limit
 * @param inactivityDays     {@link Integer#MAX_VALUE} without a limit
 * @param dailyAllowance     constant daily allowance (fixed amount, or % of the initial balance)
 * @param dailyPctNum        daily % of the anchor as {@code num / den} of the anchor (when {@code dailyOfAnchor})
 * @param maxLossMode        0 STATIC, 1 TRAILING_EOD_BALANCE, 2 TRAILING_INTRADAY_EQUITY
 * @param lockLevel          {@code initial + lockOffset}, or {@link Long#MAX_VALUE} without a lock
 * @param consistencyNum     best day ≤ pct% of profit ⇔ {@code best × consistencyDen ≤ consistencyNum × profit}
 * @param minTradeNotional   notional (units) of a fill that makes a trading day (for round-trip samples)
 */
public record KernelRules(long initial, long target, int minTradingDays, int maxDurationDays, int inactivityDays,
                          boolean daily, boolean dailyIntraday, boolean dailyOnEquity, int dailyAnchor,
                          boolean dailyOfAnchor, long dailyAllowance, long dailyPctNum, long dailyPctDen,
                          int maxLossMode, long maxLossAllowance, long lockLevel, boolean consistency,
                          long consistencyNum, long consistencyDen, long minTradeNotional, long profitSplitPctNum,
                          long profitSplitPctDen) {
    public static final int ANCHOR_BALANCE = 0;
    public static final int ANCHOR_EQUITY = 1;
    public static final int ANCHOR_MAX = 2;
    public static final int STATIC = 0;
    public static final int TRAILING_EOD_BALANCE = 1;
    public static final int TRAILING_INTRADAY_EQUITY = 2;

    public static KernelRules compile(RuleSet rs, Phase phase, BigDecimal initialBalance) {
        BigDecimal init = Money.book(initialBalance);
        BigDecimal target = Money.book(init.add(Money.pctOf(phase.profitTargetPct(), init)));
        DailyLossLimit dl = rs.dailyLoss();
        boolean daily = dl != null;
        boolean ofAnchor = daily && dl.limitBasis() == LimitBasis.DAY_ANCHOR
                && dl.allowance() instanceof LossAllowance.Percent;
        long dailyAllowance = daily && !ofAnchor ? Units.of(dl.allowance().resolve(init)) : 0;
        long[] dailyFrac = ofAnchor ? percentFraction(((LossAllowance.Percent) dl.allowance()).pct()) : new long[]{0, 1};
        int anchor = !daily ? 0 : switch (dl.anchor()) {
            case PRIOR_DAY_BALANCE -> ANCHOR_BALANCE;
            case PRIOR_DAY_EQUITY -> ANCHOR_EQUITY;
            case MAX_OF_BOTH -> ANCHOR_MAX;
        };
        MaxLossLimit ml = rs.maxLoss();
        int mode = switch (ml.mode()) {
            case STATIC -> STATIC;
            case TRAILING_EOD_BALANCE -> TRAILING_EOD_BALANCE;
            case TRAILING_INTRADAY_EQUITY -> TRAILING_INTRADAY_EQUITY;
        };
        long lock = ml.lockAtInitial() ? Units.of(init.add(ml.lockOffset())) : Long.MAX_VALUE;
        boolean consistency = rs.consistency() != null;
        long[] cons = consistency ? percentFraction(rs.consistency().maxBestDayPctOfProfit()) : new long[]{0, 1};
        long[] split = percentFraction(rs.profitSplitPct());
        return new KernelRules(Units.of(init), Units.of(target), phase.minTradingDays(),
                phase.maxDurationDays() == null ? Integer.MAX_VALUE : phase.maxDurationDays(),
                rs.inactivityDays() == null ? Integer.MAX_VALUE : rs.inactivityDays(),
                daily, daily && dl.evaluation() == DailyEvaluation.INTRADAY, daily && dl.includeOpenPnl(), anchor,
                ofAnchor, dailyAllowance, dailyFrac[0], dailyFrac[1], mode,
                Units.of(ml.allowance().resolve(init)), lock, consistency, cons[0], cons[1],
                Units.of(Money.pctOf(rs.tradingDay().minTradeNotionalPctOfInitial(), init)), split[0], split[1]);
    }

    /** {@code pct} percent as {@code {num, den}} with {@code pct / 100 = num / den} exactly. */
    static long[] percentFraction(BigDecimal pct) {
        BigDecimal p = pct.stripTrailingZeros();
        if (p.scale() < 0) {
            p = p.setScale(0);
        }
        if (p.scale() > 12) {
            throw new IllegalArgumentException("percentages with more than 12 decimals are not supported: " + pct);
        }
        return new long[]{p.unscaledValue().longValueExact(), 100L * BigDecimal.TEN.pow(p.scale()).longValueExact()};
    }

    /** The max-loss floor for the path's peak equity and highest close balance, as {@code MaxLossRule.floor}. */
    public long maxLossFloor(long peak, long highestCloseBalance) {
        long high = switch (maxLossMode) {
            case TRAILING_EOD_BALANCE -> Math.max(initial, highestCloseBalance);
            case TRAILING_INTRADAY_EQUITY -> Math.max(initial, peak);
            default -> initial;
        };
        return Math.min(high - maxLossAllowance, lockLevel);
    }
}
