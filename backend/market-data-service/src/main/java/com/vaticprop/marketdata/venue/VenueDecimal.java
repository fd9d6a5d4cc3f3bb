package com.vaticprop.marketdata.venue;

import java.math.BigDecimal;

/**
 * Every decimal a venue frame carries, read with bounds on its size. {@code new BigDecimal("1E-99999999")} is one
 * cheap object, but the first subtraction or addition against an ordinary price ({@code 1 − ask} for a Kalshi NO
 * quote, a size delta, the bad-tick filter's jump) has to write out a hundred million digits: about two minutes of
 * CPU, under the connection's lock, for one 40-byte frame (the parser fuzz found it). No real price or size comes
 * close to these bounds, so a value outside them is a malformed frame: {@link NumberFormatException}, which every
 * parser already counts as a parse error.
 */
public final class VenueDecimal {
    /** Digits after the point (or, negative, trailing zeros before it) that any venue value could need. */
    static final int MAX_SCALE = 64;
    static final int MAX_PRECISION = 64;

    private VenueDecimal() {
    }

    public static BigDecimal parse(String text) {
        return bounded(new BigDecimal(text));
    }

    public static BigDecimal parse(char[] chars, int offset, int length) {
        return bounded(new BigDecimal(chars, offset, length));
    }

    private static BigDecimal bounded(BigDecimal value) {
        if (value.scale() > MAX_SCALE || value.scale() < -MAX_SCALE || value.precision() > MAX_PRECISION) {
            throw new NumberFormatException("decimal outside venue bounds (scale " + value.scale() + ", precision "
                    + value.precision() + ")");
        }
        return value;
    }
}
