package com.vaticprop.report.metrics;

import java.util.Arrays;

/**
 * Nearest-rank percentiles of a sample: the value at rank {@code ceil(p × n)} of the ascending sample. Chosen over
 * interpolation because a historical VaR should be a loss that actually happened, and because a reader can check it
 * by counting.
 */
final class Percentiles {

    private final double[] sorted;

    Percentiles(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    int size() {
        return sorted.length;
    }

    /** The rank (1-based) of the {@code p} percentile, at least 1. */
    int rank(double p) {
        return Math.max(1, (int) Math.ceil(p * sorted.length - 1e-9));
    }

    double at(double p) {
        return sorted[rank(p) - 1];
    }

    /** The mean of the lowest {@code rank(p)} values (the expected shortfall's tail). */
    double meanOfLowest(double p) {
        int k = rank(p);
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += sorted[i];
        }
        return sum / k;
    }
}
