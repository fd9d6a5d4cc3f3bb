package com.vaticprop.trading.instrument;

import com.vaticprop.trading.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * How a venue charges a taker fill. Each venue documents its own formula and rounding (shared/reference), so each is
 * its own type; the result is always a booked, non-negative amount.
 *
 * <p>Fees are charged per fill but some venues (Kalshi) round per order: the {@link OrderFees} state carried from one
 * fill of an order to the next lets the total converge to what a single equivalent fill would cost.
 */
public sealed interface FeeModel {

    /** The fee for one fill of {@code qty} at {@code price}, given what earlier fills of the same order were charged. */
    FeeCharge charge(BigDecimal qty, BigDecimal price, OrderFees before);

    /** Fee of one fill as if it were the order's only fill. */
    default BigDecimal feeFor(BigDecimal qty, BigDecimal price) {
        return charge(qty, price, OrderFees.NONE).fee();
    }

    /** Running totals of one order's fees: the unrounded model amount and what was actually charged. */
    record OrderFees(BigDecimal raw, BigDecimal charged) {
        public static final OrderFees NONE = new OrderFees(BigDecimal.ZERO, Money.ZERO);
    }

    record FeeCharge(BigDecimal fee, OrderFees after) {
    }

    /** No fee (e.g. a fee-free Polymarket market, or maker fills). */
    record Free() implements FeeModel {
        @Override
        public FeeCharge charge(BigDecimal qty, BigDecimal price, OrderFees before) {
            return new FeeCharge(Money.ZERO, before);
        }
    }

    /** Crypto taker fee: basis points of notional, booked at scale 8 HALF_EVEN. */
    record TakerBps(BigDecimal bps) implements FeeModel {
        public TakerBps {
            Objects.requireNonNull(bps, "bps");
            if (bps.signum() < 0) {
                throw new IllegalArgumentException("fee bps must not be negative");
            }
        }

        @Override
        public FeeCharge charge(BigDecimal qty, BigDecimal price, OrderFees before) {
            BigDecimal fee = Money.bps(bps, qty.multiply(price));
            return new FeeCharge(fee, new OrderFees(before.raw().add(fee), before.charged().add(fee)));
        }
    }

    /**
     * Polymarket taker fee {@code C × rate × (p × (1 − p))^exponent}, rounded to 5 decimals (amounts below 0.00001
     * round to zero, as the venue documents). The venue does not state the rounding direction; we round half-up,
     * which matches the documented "smaller rounds to zero" behaviour for sub-0.000005 amounts.
     */
    record PolymarketTaker(BigDecimal rate, int exponent) implements FeeModel {
        public PolymarketTaker {
            Objects.requireNonNull(rate, "rate");
            if (rate.signum() < 0 || exponent < 1) {
                throw new IllegalArgumentException("rate must be ≥ 0 and exponent ≥ 1");
            }
        }

        @Override
        public FeeCharge charge(BigDecimal qty, BigDecimal price, OrderFees before) {
            BigDecimal variance = price.multiply(BigDecimal.ONE.subtract(price)).pow(exponent);
            BigDecimal raw = qty.multiply(rate).multiply(variance);
            BigDecimal fee = raw.setScale(5, RoundingMode.HALF_UP).setScale(Money.SCALE);
            return new FeeCharge(fee, new OrderFees(before.raw().add(raw), before.charged().add(fee)));
        }
    }

    /**
     * Kalshi taker fee {@code round up(multiplier × C × P × (1 − P))} to the next cent (fee schedule; 0.07 for most
     * series). Rounding is applied to the order's cumulative amount, so splitting an order into fills never costs
     * more than one fill would (the venue's fee accumulator).
     */
    record KalshiQuadratic(BigDecimal multiplier) implements FeeModel {
        public static final BigDecimal STANDARD = new BigDecimal("0.07");

        public KalshiQuadratic {
            Objects.requireNonNull(multiplier, "multiplier");
            if (multiplier.signum() < 0) {
                throw new IllegalArgumentException("multiplier must not be negative");
            }
        }

        @Override
        public FeeCharge charge(BigDecimal qty, BigDecimal price, OrderFees before) {
            BigDecimal raw = before.raw().add(
                    multiplier.multiply(qty).multiply(price).multiply(BigDecimal.ONE.subtract(price)));
            BigDecimal totalCharged = raw.setScale(2, RoundingMode.CEILING).setScale(Money.SCALE);
            BigDecimal fee = totalCharged.subtract(before.charged()).max(Money.ZERO);
            return new FeeCharge(fee, new OrderFees(raw, before.charged().add(fee)));
        }
    }
}
