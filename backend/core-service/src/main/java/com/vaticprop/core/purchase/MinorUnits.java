package com.vaticprop.core.purchase;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Amounts in the smallest unit of their currency, as Stripe takes and reports them ({@code 549.00 USD} is
 * {@code 54900}). Stripe treats some currencies as zero-decimal where ISO 4217 gives them decimals (and vice versa),
 * so its list wins over {@link Currency#getDefaultFractionDigits()}.
 */
public final class MinorUnits {

    /** Stripe's zero-decimal currencies (docs "Zero-decimal currencies"). */
    private static final Set<String> ZERO_DECIMAL = Set.of("BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA",
            "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF");

    private MinorUnits() {
    }

    public static int fractionDigits(String currency) {
        String code = currency.toUpperCase(Locale.ROOT);
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        int digits = Currency.getInstance(code).getDefaultFractionDigits();
        return Math.max(digits, 0);
    }

    /**
     * The amount in minor units; throws {@link ArithmeticException} when it is not a whole number of them (a price of
     * 10.50 JPY cannot be charged and must not be rounded silently).
     */
    public static long of(BigDecimal amount, String currency) {
        return amount.movePointRight(fractionDigits(currency)).longValueExact();
    }

    /**
     * The amount at its currency's scale ({@code 549.00000000} from a NUMERIC(20,8) column → {@code 549.00}); an
     * amount with more digits than the currency has keeps them, so nothing is ever rounded away.
     */
    public static BigDecimal atCurrencyScale(BigDecimal amount, String currency) {
        BigDecimal stripped = amount.stripTrailingZeros();
        int digits = fractionDigits(currency);
        return stripped.scale() <= digits ? stripped.setScale(digits) : stripped;
    }

    /** The decimal amount of a minor-unit count, at the currency's scale. */
    public static BigDecimal toDecimal(long minor, String currency) {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }
}
