package com.vaticprop.risk.method;

import com.vaticprop.risk.sample.DayTable;

import java.util.SplittableRandom;

/**
 * One worker's source of simulated days: each call yields the row of {@link #table()} that describes the next day of
 * the current path. Bootstrap streams return rows of the shared (read-only) sample table; generating streams write a
 * scratch row of their own table. Not thread-safe: one per worker; no allocation per path or per day.
 */
public interface DayStream {
    DayTable table();

    /** Starts a new path (e.g. the block bootstrap forgets its position). */
    void startPath(SplittableRandom random);

    int nextDay(SplittableRandom random);
}
