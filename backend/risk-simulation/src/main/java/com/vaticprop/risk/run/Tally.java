package com.vaticprop.risk.run;

import com.vaticprop.risk.kernel.PathOutcome;

import java.math.BigInteger;

/**
 * One worker's counts. Only integers are accumulated (counts, and sums of profit in exact units), so adding the
 * workers' tallies gives the same totals whichever worker ran which chunk: the reproducibility guarantee does not
 * depend on the order of floating-point additions.
 */
public final class Tally {
    /** Max-drawdown histogram: this many bins of {@code allowance / 20}, plus one open-ended bin. */
    public static final int DRAWDOWN_BINS = 40;
    public static final int DRAWDOWN_BINS_PER_ALLOWANCE = 20;

    final long[] outcomes = new long[PathOutcome.values().length];
    final long[] passDays;
    final long[] drawdownBins = new long[DRAWDOWN_BINS + 1];
    BigInteger passProfitUnits = BigInteger.ZERO;

    Tally(int horizon) {
        passDays = new long[horizon + 1];
    }

    void add(Tally o) {
        for (int i = 0; i < outcomes.length; i++) {
            outcomes[i] += o.outcomes[i];
        }
        for (int i = 0; i < passDays.length; i++) {
            passDays[i] += o.passDays[i];
        }
        for (int i = 0; i < drawdownBins.length; i++) {
            drawdownBins[i] += o.drawdownBins[i];
        }
        passProfitUnits = passProfitUnits.add(o.passProfitUnits);
    }

    public long outcome(PathOutcome o) {
        return outcomes[o.ordinal()];
    }

    /** Paths that passed on each day (index = day, 1-based; index 0 unused). */
    public long[] passDays() {
        return passDays.clone();
    }

    public long[] drawdownBins() {
        return drawdownBins.clone();
    }

    /** Σ (equity at pass − initial) over passed paths, in units. */
    public BigInteger passProfitUnits() {
        return passProfitUnits;
    }
}
