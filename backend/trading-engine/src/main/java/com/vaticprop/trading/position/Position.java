package com.vaticprop.trading.position;

import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Side;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * An open position, kept as signed quantity and signed cost basis rather than an average price: the cost basis is
 * exact, so closing everything realizes exactly proceeds − cost with no rounding drift; the average entry is derived.
 *
 * @param qty          signed (negative = short)
 * @param costBasis    signed sum of qty × price of what is still open
 * @param realizedPnl  gross P&L already realized by partial reductions of this round trip
 * @param fees         fees attributed to this round trip so far
 * @param enteredQty   total quantity that opened or increased the position (for the round trip's average entry)
 * @param enteredValue total value of those entries
 * @param exitedQty    total quantity that reduced it
 * @param exitedValue  total value of those exits (for the round trip's average exit)
 */
public record Position(String positionId, InstrumentId instrument, BigDecimal qty, BigDecimal costBasis,
                       BigDecimal realizedPnl, BigDecimal fees, BigDecimal enteredQty, BigDecimal enteredValue,
                       BigDecimal exitedQty, BigDecimal exitedValue, Instant openedAt) {
    public Position {
        Objects.requireNonNull(positionId, "positionId");
        Objects.requireNonNull(instrument, "instrument");
        if (qty.signum() == 0) {
            throw new IllegalArgumentException("an open position has a quantity");
        }
    }

    public Side side() {
        return qty.signum() > 0 ? Side.BUY : Side.SELL;
    }

    public boolean isLong() {
        return qty.signum() > 0;
    }

    public BigDecimal absQty() {
        return qty.abs();
    }

    /** Average entry price of what is still open (display precision; bookings use the cost basis). */
    public BigDecimal avgEntry() {
        return costBasis.divide(qty, 10, RoundingMode.HALF_EVEN);
    }

    /** Longs are worth what a buyer pays (bid), shorts cost what a seller asks (ask). */
    public BigDecimal markPrice(Quote quote) {
        return isLong() ? quote.bid() : quote.ask();
    }

    public BigDecimal unrealizedAt(BigDecimal mark) {
        return Money.book(qty.multiply(mark).subtract(costBasis));
    }

    /** Absolute notional at a price, for exposure limits. */
    public BigDecimal notionalAt(BigDecimal price) {
        return qty.abs().multiply(price);
    }
}
