package com.vaticprop.platform.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Booked amounts on the wire and in the database: scale 8, HALF_EVEN (CONTRACTS.md "Wire conventions"). */
public final class Money {

    public static final int SCALE = 8;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private Money() {
    }

    public static BigDecimal book(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING);
    }

    /** Parses a decimal string strictly: no exponent, no blanks, no NaN; throws IllegalArgumentException. */
    public static BigDecimal parse(String text) {
        if (text == null || !text.matches("-?\\d+(\\.\\d+)?")) {
            throw new IllegalArgumentException("not a plain decimal: " + text);
        }
        return new BigDecimal(text);
    }
}
