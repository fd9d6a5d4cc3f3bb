package com.vaticprop.risk.result;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Maximum drawdown per path (largest fall from a running equity peak, intraday lows included, until the verdict):
 * bin {@code i} counts paths with drawdown in {@code [i × binWidth, (i + 1) × binWidth)}; the last bin is open-ended.
 * The bin width is a twentieth of the max-loss allowance, so the histogram spans twice the allowance.
 */
public record DrawdownHistogram(BigDecimal binWidth, long[] counts) {
    public DrawdownHistogram {
        counts = counts.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Value equality (a record compares arrays by identity). */
    @Override
    public boolean equals(Object o) {
        return o instanceof DrawdownHistogram h && binWidth.compareTo(h.binWidth) == 0 && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts) * 31 + binWidth.stripTrailingZeros().hashCode();
    }

    @Override
    public String toString() {
        return "DrawdownHistogram[binWidth=" + binWidth.toPlainString() + ", counts=" + Arrays.toString(counts) + "]";
    }
}
