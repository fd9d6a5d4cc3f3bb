package com.vaticprop.risk.kernel;

import com.vaticprop.risk.method.DayStream;
import com.vaticprop.risk.sample.DayTable;

import java.util.SplittableRandom;

/** Feeds the kernel a given sequence of days: row 0 on day 1, row 1 on day 2, … */
final class ReplayStream implements DayStream {
    private final DayTable days;
    private int next;

    ReplayStream(DayTable days) {
        this.days = days;
    }

    @Override
    public DayTable table() {
        return days;
    }

    @Override
    public void startPath(SplittableRandom random) {
        next = 0;
    }

    @Override
    public int nextDay(SplittableRandom random) {
        return next++;
    }
}
