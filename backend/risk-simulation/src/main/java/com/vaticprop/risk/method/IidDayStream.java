package com.vaticprop.risk.method;

import com.vaticprop.risk.sample.DayTable;

import java.util.SplittableRandom;

/** i.i.d. bootstrap of days: every simulated day is a uniformly drawn sample day. */
final class IidDayStream implements DayStream {
    private final DayTable days;
    private final int n;

    IidDayStream(DayTable days) {
        this.days = days;
        this.n = days.size();
    }

    @Override
    public DayTable table() {
        return days;
    }

    @Override
    public void startPath(SplittableRandom random) {
    }

    @Override
    public int nextDay(SplittableRandom random) {
        return random.nextInt(n);
    }
}
