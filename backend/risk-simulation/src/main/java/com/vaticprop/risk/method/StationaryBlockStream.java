package com.vaticprop.risk.method;

import com.vaticprop.risk.sample.DayTable;

import java.util.SplittableRandom;

/**
 * Stationary bootstrap (Politis &amp; Romano 1994): a path is a chain of blocks of consecutive sample days, each block
 * starting at a uniform day and running on (circularly) with probability {@code 1 − 1/L} per day, so block lengths
 * are geometric with mean {@code L}. Consecutive days keep their serial dependence inside a block, which an i.i.d.
 * bootstrap destroys.
 */
final class StationaryBlockStream implements DayStream {
    private final DayTable days;
    private final int n;
    private final double restart;
    private int position;

    StationaryBlockStream(DayTable days, double meanBlockLength) {
        this.days = days;
        this.n = days.size();
        this.restart = 1.0 / meanBlockLength;
    }

    @Override
    public DayTable table() {
        return days;
    }

    @Override
    public void startPath(SplittableRandom random) {
        position = -1;
    }

    @Override
    public int nextDay(SplittableRandom random) {
        if (position < 0 || random.nextDouble() < restart) {
            position = random.nextInt(n);
        } else if (++position == n) {
            position = 0;
        }
        return position;
    }
}
