package com.vaticprop.trading.money;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The one place that decides how booked amounts are rounded, so that every service agrees to the last unit
 * (CONTRACTS.md "Wire conventions": scale 8, HALF_EVEN, unless a venue's fee rule says otherwise).
 */
public final class Money {
    /** Scale of every booked amount (cash, P&L, fees). */
    public static final int SCALE = 8;
    /** Scale for derived ratios (percentages, averages) that are explanations, not bookings. */
    public static final int RATIO_SCALE = 8;
    /** Precision for intermediate divisions before the final booking rounding. */
    public static final MathContext WORK = MathContext.DECIMAL128;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    public static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Money() {
    }

    /** Rounds to the booking scale. */
    public static BigDecimal book(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN);
    }

    /** {@code pct} percent of {@code base}, booked. */
    public static BigDecimal pctOf(BigDecimal pct, BigDecimal base) {
        return book(base.multiply(pct).divide(HUNDRED, WORK));
    }

    /** {@code part} as a percentage of {@code whole}; zero when the whole is zero (nothing to relate to). */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return BigDecimal.ZERO.setScale(RATIO_SCALE);
        }
        return part.multiply(HUNDRED).divide(whole, RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    /** Basis points of a notional, booked. */
    public static BigDecimal bps(BigDecimal bps, BigDecimal notional) {
        return book(notional.multiply(bps).divide(TEN_THOUSAND, WORK));
    }

    public static BigDecimal max(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Equality by value, ignoring scale ("1.0" equals "1.00"). */
    public static boolean same(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) == 0;
    }
}
