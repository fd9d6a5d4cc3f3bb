package com.vaticprop.risk.result;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Quantiles with linear interpolation between order statistics (Hyndman &amp; Fan type 7), found by selection
 * (quickselect) rather than sorting: a fan chart needs five quantiles of each of up to 365 columns, and sorting them
 * would cost more than simulating 10,000 paths.
 */
public final class Quantiles {
    private Quantiles() {
    }

    /**
     * The quantiles {@code qs} of {@code a[from, from + n)}; reorders that range. Each order statistic needed is
     * selected in the part of the range above the previous one, so five quantiles cost a few passes over the data.
     */
    public static double[] of(float[] a, int from, int n, double... qs) {
        TreeSet<Integer> ranks = new TreeSet<>();
        for (double q : qs) {
            int lo = (int) Math.floor((n - 1) * q);
            ranks.add(lo);
            ranks.add(Math.min(n - 1, lo + 1));
        }
        int left = from;
        for (int rank : ranks) {
            select(a, left, from + n - 1, from + rank);
            left = from + rank + 1;
        }
        double[] out = new double[qs.length];
        for (int i = 0; i < qs.length; i++) {
            double h = (n - 1) * qs[i];
            int lo = (int) Math.floor(h);
            int hi = Math.min(n - 1, lo + 1);
            double x = a[from + lo];
            out[i] = x + (h - lo) * (a[from + hi] - x);
        }
        return out;
    }

    /** Mean of the lowest {@code k} values of {@code a} (reorders it): the tail average CVaR needs. */
    public static double lowestMean(float[] a, int k) {
        if (k < a.length) {
            select(a, 0, a.length - 1, k - 1);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            sum += a[i];
        }
        return sum / k;
    }

    /** How many values make the worst {@code 1 − level} of {@code n} (at least one). */
    public static int tailCount(int n, double level) {
        return Math.max(1, (int) Math.ceil((1 - level) * n - 1e-9));
    }

    /**
     * Rearranges {@code a[lo..hi]} so that {@code a[k]} holds the value it would hold if sorted, smaller-or-equal
     * values before it and greater-or-equal after (Hoare partitioning around a median of three; small ranges are
     * sorted).
     */
    static void select(float[] a, int lo, int hi, int k) {
        while (hi - lo > 16) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < a[lo]) {
                swap(a, mid, lo);
            }
            if (a[hi] < a[lo]) {
                swap(a, hi, lo);
            }
            if (a[hi] < a[mid]) {
                swap(a, hi, mid);
            }
            float pivot = a[mid];
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    swap(a, i, j);
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return;
            }
        }
        Arrays.sort(a, lo, hi + 1);
    }

    private static void swap(float[] a, int i, int j) {
        float t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
