package com.vaticprop.risk.sample;

import com.vaticprop.trading.money.Money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Money inside the kernels: a {@code long} count of 10<sup>-8</sup> currency units, the booking scale of
 * {@link Money}. Why not doubles: the rules are "touch = breach" comparisons against floors that the trading engine
 * books with scale 8 HALF_EVEN, so a kernel working on the same grid reproduces every tie and every rounded
 * percentage exactly (the cross-check test requires the same verdict for every path). A long holds ±92 billion,
 * far above any account this platform sells; conversions refuse anything that does not fit.
 */
public final class Units {
    /** Units per currency unit. */
    public static final long ONE = 100_000_000L;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Units() {
    }

    /** Booked (scale 8 HALF_EVEN) money as units; throws when it does not fit a long. */
    public static long of(BigDecimal money) {
        return Money.book(money).unscaledValue().longValueExact();
    }

    public static BigDecimal toMoney(long units) {
        return BigDecimal.valueOf(units, Money.SCALE);
    }

    /** A double amount of money (a statistic, not a booking) as money at scale 8. */
    public static BigDecimal toMoney(double currency) {
        return BigDecimal.valueOf(currency).setScale(Money.SCALE, RoundingMode.HALF_EVEN);
    }

    public static double toDouble(long units) {
        return units / (double) ONE;
    }

    /** A currency amount drawn as a double (parametric models), rounded to the unit grid. */
    public static long fromDouble(double currency) {
        return Math.round(currency * ONE);
    }

    /**
     * {@code a × b / den} rounded HALF_EVEN, exactly (128-bit product), as {@code Money.pctOf} books a percentage:
     * with {@code b / den = pct / 100} this is the allowance the engine computes.
     */
    public static long mulDivHalfEven(long a, long b, long den) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return divHalfEven(lo, den);
        }
        BigInteger[] qr = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divideAndRemainder(BigInteger.valueOf(den));
        BigInteger q = qr[0];
        int twice = qr[1].abs().shiftLeft(1).compareTo(BigInteger.valueOf(den));
        if (twice > 0 || (twice == 0 && q.testBit(0))) {
            q = q.add(BigInteger.valueOf(qr[1].signum()));
        }
        if (q.compareTo(LONG_MIN) < 0 || q.compareTo(LONG_MAX) > 0) {
            throw new ArithmeticException("amount out of range");
        }
        return q.longValue();
    }

    /** {@code n / den} (den &gt; 0) rounded HALF_EVEN. */
    public static long divHalfEven(long n, long den) {
        long q = n / den;
        long r = n % den;
        if (r == 0) {
            return q;
        }
        long twice = Math.abs(r) * 2; // |r| < den, and den is far below 2^62 here
        if (twice > den || (twice == den && (q & 1) != 0)) {
            q += Long.signum(r);
        }
        return q;
    }

    /** Exact sign of {@code a × b − c × d} with 128-bit products. */
    public static int compareProducts(long a, long b, long c, long d) {
        long hi1 = Math.multiplyHigh(a, b);
        long lo1 = a * b;
        long hi2 = Math.multiplyHigh(c, d);
        long lo2 = c * d;
        if (hi1 != hi2) {
            return hi1 < hi2 ? -1 : 1;
        }
        return Long.compareUnsigned(lo1, lo2);
    }
}
