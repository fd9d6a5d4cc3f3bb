package com.vaticprop.report.build;

import com.vaticprop.report.model.TripHistogram;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Equal-width bins over [min, max] of the round-trip results; the maximum falls in the last bin. */
final class Histograms {

    static final int BINS = 20;

    private Histograms() {
    }

    static TripHistogram of(double[] values) {
        if (values.length == 0) {
            return new TripHistogram(List.of());
        }
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int bins = max == min ? 1 : BINS;
        double width = max == min ? 1 : (max - min) / bins;
        int[] counts = new int[bins];
        for (double v : values) {
            counts[Math.min(bins - 1, (int) ((v - min) / width))]++;
        }
        List<TripHistogram.Bin> out = new ArrayList<>(bins);
        for (int i = 0; i < bins; i++) {
            out.add(new TripHistogram.Bin(money(min + i * width), money(i == bins - 1 ? max : min + (i + 1) * width),
                    counts[i]));
        }
        return new TripHistogram(out);
    }

    private static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
    }
}
