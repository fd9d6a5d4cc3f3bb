package com.vaticprop.risk.sample;

/**
 * Simulated or sampled days in primitive columns (structure of arrays, money in {@link Units}), the only thing the
 * kernel reads. A day is described relative to its open (the prior close):
 * <ul>
 *   <li>{@code pnl}: close equity − open equity (the day P&L of {@code assessment.day-closed});
 *   <li>{@code low} ≤ min(0, pnl): the worst equity of the day − open equity (the intraday worst point);
 *   <li>{@code high} ≥ max(0, pnl): the best equity of the day − open equity;
 *   <li>{@code carry}: close equity − close balance, the open P&L carried overnight (0 = flat at the close, which is
 *       when a profit target can be met);
 *   <li>{@code balLow} ≤ 0: how far the balance fell below the open balance during the day, as far as the sample knows
 *       (round trips: the running realized P&L; day samples: 0 — when their losses were realized is unknown, so the
 *       balance moves at the close);
 *   <li>{@code flags}: {@link #TRADING} (counts towards the minimum trading days), {@link #ACTIVE} (had a fill, for
 *       inactivity).
 * </ul>
 * Mutable on purpose: per-worker generators (parametric, round-trip days) write one scratch row per simulated day.
 */
public final class DayTable {
    public static final byte TRADING = 1;
    public static final byte ACTIVE = 2;

    public final long[] pnl;
    public final long[] low;
    public final long[] high;
    public final long[] carry;
    public final long[] balLow;
    public final byte[] flags;

    public DayTable(int rows) {
        pnl = new long[rows];
        low = new long[rows];
        high = new long[rows];
        carry = new long[rows];
        balLow = new long[rows];
        flags = new byte[rows];
    }

    public int size() {
        return pnl.length;
    }

    /** Writes one row, normalising the extremes so that low ≤ min(0, pnl) and high ≥ max(0, pnl). */
    public void set(int row, long dayPnl, long dayLow, long dayHigh, long dayCarry, long dayBalLow, boolean trading,
                    boolean active) {
        pnl[row] = dayPnl;
        low[row] = Math.min(dayLow, Math.min(0, dayPnl));
        high[row] = Math.max(dayHigh, Math.max(0, dayPnl));
        carry[row] = dayCarry;
        balLow[row] = Math.min(0, dayBalLow);
        flags[row] = (byte) ((trading ? TRADING : 0) | (active ? ACTIVE : 0));
    }

    /** Day P&L of every row in currency units (for fitting and estimating). */
    public double[] pnlAsDoubles() {
        double[] out = new double[pnl.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Units.toDouble(pnl[i]);
        }
        return out;
    }
}
