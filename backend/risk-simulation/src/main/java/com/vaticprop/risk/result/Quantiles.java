package com.vaticprop.risk.result;

/** Quantiles of sorted samples with linear interpolation between order statistics (Hyndman &amp; Fan type 7). */
public final class Quantiles {
    private Quantiles() {
    }

    public static double of(float[] sorted, int from, int length, double q) {
        double h = (length - 1) * q;
        int lo = (int) Math.floor(h);
        int hi = Math.min(length - 1, lo + 1);
        double a = sorted[from + lo];
        return a + (h - lo) * (sorted[from + hi] - a);
    }

    public static double of(float[] sorted, double q) {
        return of(sorted, 0, sorted.length, q);
    }

    /** Mean of the lowest {@code ⌈(1 − level) × n⌉} values: the tail average CVaR needs. */
    public static double lowerTailMean(float[] sorted, double level) {
        int k = Math.max(1, (int) Math.ceil((1 - level) * sorted.length - 1e-9));
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += sorted[i];
        }
        return sum / k;
    }
}
