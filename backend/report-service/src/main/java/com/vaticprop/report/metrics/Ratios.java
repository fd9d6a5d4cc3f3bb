package com.vaticprop.report.metrics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Ratios (returns, Sharpe…) are computed in {@code double} — they are statistics, not money — and published as
 * decimals of 6 places, so the JSON carries them as strings like every other decimal. Undefined ratios (a division by
 * zero, too few observations) are {@code null}, never 0 or infinity, so a reader cannot mistake them for a result.
 */
final class Ratios {

    static final int SCALE = 6;

    private Ratios() {
    }

    static BigDecimal of(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        return BigDecimal.valueOf(value).setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    static BigDecimal divide(double numerator, double denominator) {
        return denominator == 0 ? null : of(numerator / denominator);
    }
}
