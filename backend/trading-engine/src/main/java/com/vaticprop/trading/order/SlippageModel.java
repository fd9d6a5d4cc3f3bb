package com.vaticprop.trading.order;

import com.vaticprop.trading.instrument.Instrument;
import com.vaticprop.trading.money.Money;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much worse than the touch a market order fills when no book depth is available. Prices are rounded to the
 * tick against the trader, and prediction-market prices stay within [0, 1].
 */
public sealed interface SlippageModel {
    BigDecimal apply(BigDecimal touch, Side side, Instrument instrument);

    record None() implements SlippageModel {
        @Override
        public BigDecimal apply(BigDecimal touch, Side side, Instrument instrument) {
            return touch;
        }
    }

    record Bps(BigDecimal bps) implements SlippageModel {
        public Bps {
            Objects.requireNonNull(bps, "bps");
            if (bps.signum() < 0) {
                throw new IllegalArgumentException("slippage bps must not be negative");
            }
        }

        @Override
        public BigDecimal apply(BigDecimal touch, Side side, Instrument instrument) {
            BigDecimal factor = BigDecimal.ONE.add(BigDecimal.valueOf(side.sign()).multiply(bps)
                    .divide(Money.TEN_THOUSAND));
            BigDecimal price = instrument.roundAdverse(touch.multiply(factor), side == Side.BUY);
            if (instrument instanceof Instrument.OutcomeShare) {
                price = price.min(BigDecimal.ONE).max(BigDecimal.ZERO);
            }
            return price;
        }
    }
}
