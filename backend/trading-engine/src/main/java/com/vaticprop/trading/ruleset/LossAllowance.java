package com.vaticprop.trading.ruleset;

import com.vaticprop.trading.money.Money;

import java.math.BigDecimal;
import java.util.Objects;

/** A loss allowance given either as a percentage of some base or as a fixed amount (the JSON's {@code pct | amount}). */
public sealed interface LossAllowance {
    /** The allowance in money for the given base (the base is ignored by a fixed amount). */
    BigDecimal resolve(BigDecimal base);

    /** Human form for explanations, e.g. {@code 5% of 100000} or {@code 3000}. */
    String describe(BigDecimal base);

    record Percent(BigDecimal pct) implements LossAllowance {
        public Percent {
            Objects.requireNonNull(pct, "pct");
        }

        @Override
        public BigDecimal resolve(BigDecimal base) {
            return Money.pctOf(pct, base);
        }

        @Override
        public String describe(BigDecimal base) {
            return pct.toPlainString() + "% of " + base.stripTrailingZeros().toPlainString();
        }
    }

    record Amount(BigDecimal amount) implements LossAllowance {
        public Amount {
            Objects.requireNonNull(amount, "amount");
        }

        @Override
        public BigDecimal resolve(BigDecimal base) {
            return Money.book(amount);
        }

        @Override
        public String describe(BigDecimal base) {
            return "fixed " + amount.toPlainString();
        }
    }
}
