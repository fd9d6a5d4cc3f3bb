package com.vaticprop.risk.result;

import java.math.BigDecimal;

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
}
