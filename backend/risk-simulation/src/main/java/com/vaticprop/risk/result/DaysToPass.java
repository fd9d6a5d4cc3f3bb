package com.vaticprop.risk.result;

import java.util.Arrays;

/**
 * When passing paths passed: {@code countByDay[d]} paths passed on day {@code d} (1-based, index 0 unused); mean and
 * median over passing paths ({@code NaN} / 0 without any).
 */
public record DaysToPass(long[] countByDay, double mean, int median, int p90) {
    public DaysToPass {
        countByDay = countByDay.clone();
    }

    @Override
    public long[] countByDay() {
        return countByDay.clone();
    }

    /** Value equality (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DaysToPass d && Arrays.equals(countByDay, d.countByDay)
                && Double.compare(mean, d.mean) == 0 && median == d.median && p90 == d.p90;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(countByDay) * 31 + Double.hashCode(mean);
    }

    @Override
    public String toString() {
        return "DaysToPass[countByDay=" + Arrays.toString(countByDay) + ", mean=" + mean + ", median=" + median
                + ", p90=" + p90 + "]";
    }

    static DaysToPass of(long[] byDay) {
        long n = 0;
        double sum = 0;
        for (int d = 1; d < byDay.length; d++) {
            n += byDay[d];
            sum += (double) d * byDay[d];
        }
        return new DaysToPass(byDay, n == 0 ? Double.NaN : sum / n, percentileDay(byDay, n, 0.5),
                percentileDay(byDay, n, 0.9));
    }

    private static int percentileDay(long[] byDay, long n, double q) {
        if (n == 0) {
            return 0;
        }
        long need = (long) Math.ceil(q * n);
        long seen = 0;
        for (int d = 1; d < byDay.length; d++) {
            seen += byDay[d];
            if (seen >= need) {
                return d;
            }
        }
        return byDay.length - 1;
    }
}
