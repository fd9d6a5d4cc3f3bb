package com.vaticprop.risk.kernel;

import com.vaticprop.risk.method.DayStream;
import com.vaticprop.risk.sample.DayTable;
import com.vaticprop.risk.sample.Units;

import java.util.SplittableRandom;

/**
 * Judges one simulated path day by day with the rule semantics of CONTRACTS.md, on longs (see {@link Units}), with no
 * allocation: the whole state of a path lives in local variables, the outcome in three fields read after
 * {@link #run}. One instance per worker.
 *
 * <p>A simulated day is seen at four points, each evaluated like the engine evaluates a quote or a fill:
 * <ol>
 *   <li>two intraday points with a position open: the day's low and high, the extreme nearer the close last (a
 *       winning day goes open → low → high → close, a losing day open → high → low → close). The balance moves
 *       intraday only by what the sample shows ({@code balLow}: the running realized P&L of round trips; 0 for a day
 *       sample, whose realizations are not timed): open balance + balLow at the low and after it, the open balance at
 *       a high that comes first, the close balance at the close. Hard limits only (nothing can pass with a position
 *       open): daily loss when INTRADAY, on equity or balance ({@code includeOpenPnl}); max loss on equity, the
 *       intraday trailing floor following the peak including the point itself;
 *   <li>the close, the day's last moment (flat when {@code carry} is 0): the same hard limits, then the pass: equity ≥
 *       target, flat, trading days (today counts as soon as it qualifies) ≥ the minimum, and the consistency gate
 *       (best day so far, today included, ≤ pct of equity − initial);
 *   <li>the day roll at the boundary: the closing day's daily loss whatever the evaluation mode (END_OF_DAY counts only
 *       here), the end-of-day trailing floor raised by the close balance, then TIME_LIMIT (the boundary that starts
 *       day N + 1) and INACTIVITY (the boundary after N whole days without a fill).
 * </ol>
 * When several money floors are touched at one point the reason is the highest floor (daily loss on a tie), as
 * {@code RuleEngine} decides; non-money limits come after money, duration before inactivity. The day of a verdict is
 * the simulated day (1-based) whose point or closing boundary produced it.
 */
public final class PathKernel {
    static final int PASSED = PathOutcome.PASSED.ordinal();
    static final int DAILY = PathOutcome.DAILY_LOSS.ordinal();
    static final int MAX = PathOutcome.MAX_LOSS.ordinal();
    static final int TIME = PathOutcome.TIME_LIMIT.ordinal();
    static final int INACTIVE = PathOutcome.INACTIVITY.ordinal();
    static final int OPEN = PathOutcome.NO_VERDICT.ordinal();
    private static final int NONE = -1;
    private static final long NO_FLOOR = Long.MIN_VALUE;

    private final long init;
    private final long target;
    private final int minTradingDays;
    private final int maxDurationDays;
    private final int inactivityDays;
    private final boolean daily;
    private final boolean dailyIntraday;
    private final boolean dailyOnEquity;
    private final int anchorMode;
    private final boolean dailyOfAnchor;
    private final long dailyAllowance;
    private final long dailyNum;
    private final long dailyDen;
    private final int mode;
    private final long allowance;
    private final long lock;
    private final boolean consistency;
    private final long consNum;
    private final long consDen;

    /** Day of the verdict (1-based); the horizon for NO_VERDICT. */
    public int day;
    /** Equity at the verdict (the breaching point's equity for a failure), or at the end of the horizon. */
    public long equity;
    /** Largest fall of equity from a running peak, intraday points included, up to the verdict. */
    public long maxDrawdown;

    public PathKernel(KernelRules r) {
        init = r.initial();
        target = r.target();
        minTradingDays = r.minTradingDays();
        maxDurationDays = r.maxDurationDays();
        inactivityDays = r.inactivityDays();
        daily = r.daily();
        dailyIntraday = r.dailyIntraday();
        dailyOnEquity = r.dailyOnEquity();
        anchorMode = r.dailyAnchor();
        dailyOfAnchor = r.dailyOfAnchor();
        dailyAllowance = r.dailyAllowance();
        dailyNum = r.dailyPctNum();
        dailyDen = r.dailyPctDen();
        mode = r.maxLossMode();
        allowance = r.maxLossAllowance();
        lock = r.lockLevel();
        consistency = r.consistency();
        consNum = r.consistencyNum();
        consDen = r.consistencyDen();
    }

    /**
     * Simulates and judges one path of up to {@code horizon} days.
     *
     * @param fan      when not null, every day's close equity (currency units) is written at
     *                 {@code fan[(day − 1) × fanStride + fanPath]} (day-major: one day's column is contiguous), held
     *                 at the verdict's equity after the path ended
     * @return the {@link PathOutcome} ordinal
     */
    public int run(DayStream stream, SplittableRandom random, int horizon, float[] fan, int fanPath,
                   int fanStride) {
        DayTable t = stream.table();
        long[] tPnl = t.pnl;
        long[] tLow = t.low;
        long[] tHigh = t.high;
        long[] tCarry = t.carry;
        long[] tBalLow = t.balLow;
        byte[] tFlags = t.flags;
        stream.startPath(random);
        long e = init;
        long b = init;
        long peak = init;
        long hcb = init;
        long best = Long.MIN_VALUE;
        long dd = 0;
        int tradingDays = 0;
        int lastActive = 1;
        int outcome = OPEN;
        int verdictDay = horizon;
        int fanFrom = horizon;
        for (int d = 1; d <= horizon; d++) {
            int r = stream.nextDay(random);
            long pnl = tPnl[r];
            long carry = tCarry[r];
            int flags = tFlags[r];
            long eClose = e + pnl;
            long bClose = eClose - carry;
            long bLow = b + tBalLow[r];
            long eLow = e + tLow[r];
            long eHigh = e + tHigh[r];
            long dFloor = NO_FLOOR;
            if (daily) {
                long anchor = d == 1 ? init
                        : anchorMode == KernelRules.ANCHOR_BALANCE ? b
                        : anchorMode == KernelRules.ANCHOR_EQUITY ? e : Math.max(b, e);
                dFloor = anchor - (dailyOfAnchor ? Units.mulDivHalfEven(anchor, dailyNum, dailyDen) : dailyAllowance);
            }
            long dIntra = dailyIntraday ? dFloor : NO_FLOOR;
            long e1;
            long b1;
            long e2;
            if (pnl >= 0) {
                e1 = eLow;
                b1 = bLow;
                e2 = eHigh;
            } else {
                e1 = eHigh;
                b1 = b;
                e2 = eLow;
            }
            // intraday point 1
            peak = Math.max(peak, e1);
            dd = Math.max(dd, peak - e1);
            int why = breach(dailyOnEquity ? e1 : b1, dIntra, e1, floor(peak, hcb));
            if (why != NONE) {
                outcome = why;
                e = e1;
                verdictDay = d;
                fanFrom = d - 1;
                break;
            }
            // intraday point 2
            peak = Math.max(peak, e2);
            dd = Math.max(dd, peak - e2);
            why = breach(dailyOnEquity ? e2 : bLow, dIntra, e2, floor(peak, hcb));
            if (why != NONE) {
                outcome = why;
                e = e2;
                verdictDay = d;
                fanFrom = d - 1;
                break;
            }
            // the close, before the boundary
            peak = Math.max(peak, eClose);
            dd = Math.max(dd, peak - eClose);
            why = breach(dailyOnEquity ? eClose : bClose, dIntra, eClose, floor(peak, hcb));
            if (why != NONE) {
                outcome = why;
                e = eClose;
                verdictDay = d;
                fanFrom = d - 1;
                break;
            }
            tradingDays += flags & DayTable.TRADING;
            if ((flags & DayTable.ACTIVE) != 0) {
                lastActive = d;
            }
            if (carry == 0 && eClose >= target && tradingDays >= minTradingDays
                    && consistent(Math.max(best, pnl), eClose - init)) {
                outcome = PASSED;
                e = eClose;
                verdictDay = d;
                fanFrom = d - 1;
                break;
            }
            // the day roll: the closing day's daily loss (any evaluation mode), the raised end-of-day floor, time
            hcb = Math.max(hcb, bClose);
            best = Math.max(best, pnl);
            why = breach(dailyOnEquity ? eClose : bClose, dFloor, eClose, floor(peak, hcb));
            if (why == NONE) {
                if (d >= maxDurationDays) {
                    why = TIME;
                } else if (d - lastActive >= inactivityDays) {
                    why = INACTIVE;
                }
            }
            e = eClose;
            b = bClose;
            if (fan != null) {
                fan[(d - 1) * fanStride + fanPath] = (float) Units.toDouble(e);
            }
            if (why != NONE) {
                outcome = why;
                verdictDay = d;
                fanFrom = d;
                break;
            }
        }
        if (fan != null) {
            float held = (float) Units.toDouble(e);
            for (int i = fanFrom; i < horizon; i++) {
                fan[i * fanStride + fanPath] = held;
            }
        }
        this.day = verdictDay;
        this.equity = e;
        this.maxDrawdown = dd;
        return outcome;
    }

    /** The max-loss floor now (see {@link KernelRules#maxLossFloor}). */
    private long floor(long peak, long hcb) {
        long high = mode == KernelRules.STATIC ? init
                : Math.max(init, mode == KernelRules.TRAILING_EOD_BALANCE ? hcb : peak);
        return Math.min(high - allowance, lock);
    }

    /** Which money floor a point touches: the higher one when both are (daily loss on a tie), or {@link #NONE}. */
    private static int breach(long dailyMeasured, long dailyFloor, long equity, long maxLossFloor) {
        boolean dailyHit = dailyFloor != NO_FLOOR && dailyMeasured <= dailyFloor;
        boolean maxHit = equity <= maxLossFloor;
        if (dailyHit) {
            return !maxHit || dailyFloor >= maxLossFloor ? DAILY : MAX;
        }
        return maxHit ? MAX : NONE;
    }

    /** The consistency gate: profit &gt; 0 and best ≤ pct% of profit (exact, as {@code ConsistencyRule}). */
    private boolean consistent(long bestDay, long profit) {
        if (!consistency) {
            return true;
        }
        return profit > 0 && Units.compareProducts(bestDay, consDen, consNum, profit) <= 0;
    }
}
