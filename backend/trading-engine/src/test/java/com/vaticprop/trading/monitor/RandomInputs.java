package com.vaticprop.trading.monitor;

import com.vaticprop.trading.ruleset.LossAllowance;

import java.math.BigDecimal;
import java.util.Random;

/** Random inputs shared by the fast-path property tests, so both paths are exercised over the same value ranges. */
final class RandomInputs {

    private RandomInputs() {
    }

    /** A loss allowance of 0.5–12.5 % of initial, or a fixed amount of up to 12 % of it. */
    static LossAllowance allowance(Random r, BigDecimal initial) {
        return r.nextBoolean() ? new LossAllowance.Percent(BigDecimal.valueOf(50 + r.nextInt(1200), 2))
                : new LossAllowance.Amount(BigDecimal.valueOf(r.nextLong(initial.longValue() * 12)).movePointLeft(2));
    }

    /** A price in [lo, hi) with cents. */
    static BigDecimal price(Random r, int lo, int hi) {
        return BigDecimal.valueOf(lo * 100L + r.nextLong((hi - lo) * 100L), 2);
    }

    static <T> T pick(Random r, T[] values) {
        return values[r.nextInt(values.length)];
    }
}
