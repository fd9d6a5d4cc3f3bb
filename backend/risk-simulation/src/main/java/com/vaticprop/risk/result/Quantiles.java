package com.vaticprop.risk.result;

import java.util.Arrays;

/**
 * Exact quantiles with linear interpolation between order statistics (Hyndman &amp; Fan type 7), found by bucket
 * narrowing rather than sorting: a fan chart needs five quantiles of each of up to 365 columns of 20,000 values, and
 * sorting (or even quickselecting) them cost more than simulating 10,000 paths. Here: one pass for the range, one
 * pass counting values into {@value #BINS} equal-width bins, then only the bins that hold a wanted rank are gathered
 * and sorted — three passes over the data, the input left untouched. The result is exact (the order statistic itself,
 * not a bin edge); clustered data only makes the gathered bins larger.
 */
public final class Quantiles {
    static final int BINS = 2048;

    private Quantiles() {
    }

    /** Type-7 quantiles {@code qs} of {@code a[from, from + n)}. */
    public static double[] of(float[] a, int from, int n, double... qs) {
        int[] ranks = new int[qs.length * 2];
        for (int i = 0; i < qs.length; i++) {
            int lo = (int) Math.floor((n - 1) * qs[i]);
            ranks[2 * i] = lo;
            ranks[2 * i + 1] = Math.min(n - 1, lo + 1);
        }
        double[] v = orderStatistics(a, from, n, ranks);
        double[] out = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            double h = (n - 1) * qs[i];
            double x = v[2 * i];
            out[i] = x + (h - Math.floor(h)) * (v[2 * i + 1] - x);
        }
        return out;
    }

    /** Mean of the lowest {@code k} values of {@code a}: the tail average CVaR needs. */
    public static double lowestMean(float[] a, int k) {
        float kth = (float) orderStatistics(a, 0, a.length, new int[]{k - 1})[0];
        double sum = 0;
        int below = 0;
        for (float x : a) {
            if (x < kth) {
                sum += x;
                below++;
            }
        }
        return (sum + (double) (k - below) * kth) / k;
    }

    /** How many values make the worst {@code 1 − level} of {@code n} (at least one). */
    public static int tailCount(int n, double level) {
        return Math.max(1, (int) Math.ceil((1 - level) * n - 1e-9));
    }

    /** The values of rank {@code ranks[i]} (0 = smallest) of {@code a[from, from + n)}. */
    static double[] orderStatistics(float[] a, int from, int n, int[] ranks) {
        int to = from + n;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to; i++) {
            float x = a[i];
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        double[] out = new double[ranks.length];
        if (!(max > min)) {
            Arrays.fill(out, min);
            return out;
        }
        double scale = BINS / ((double) max - min);
        int[] start = new int[BINS + 1]; // counts, then cumulative starts
        for (int i = from; i < to; i++) {
            start[bin(a[i], min, scale) + 1]++;
        }
        for (int b = 0; b < BINS; b++) {
            start[b + 1] += start[b];
        }
        // which bins are needed, and where each needed bin's values go in one gather buffer
        int[] binOf = new int[ranks.length];
        int[] slot = new int[BINS];
        Arrays.fill(slot, -1);
        int gathered = 0;
        for (int r = 0; r < ranks.length; r++) {
            int b = Arrays.binarySearch(start, 0, BINS + 1, ranks[r]);
            b = b >= 0 ? b : -b - 2;
            while (start[b + 1] == start[b]) {
                b++; // an empty bin boundary: the rank lives in the next non-empty bin
            }
            binOf[r] = b;
            if (slot[b] < 0) {
                slot[b] = gathered;
                gathered += start[b + 1] - start[b];
            }
        }
        float[] buffer = new float[gathered];
        int[] fill = slot.clone();
        for (int i = from; i < to; i++) {
            int b = bin(a[i], min, scale);
            int s = fill[b];
            if (s >= 0) {
                buffer[s] = a[i];
                fill[b] = s + 1;
            }
        }
        for (int b = 0; b < BINS; b++) {
            if (slot[b] >= 0) {
                Arrays.sort(buffer, slot[b], slot[b] + start[b + 1] - start[b]);
            }
        }
        for (int r = 0; r < ranks.length; r++) {
            int b = binOf[r];
            out[r] = buffer[slot[b] + ranks[r] - start[b]];
        }
        return out;
    }

    private static int bin(float x, float min, double scale) {
        return Math.min(BINS - 1, (int) ((x - (double) min) * scale));
    }
}
