package com.vaticprop.trading.order;

import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;

import java.math.BigDecimal;
import java.time.Instant;

/** One trade: a priced quantity, its fee and the quote it was filled against (dispute evidence). */
public record Fill(String tradeId, String orderId, InstrumentId instrument, Side side, BigDecimal qty,
                   BigDecimal price, BigDecimal fee, Quote quote, Instant at) {

    public BigDecimal notional() {
        return qty.multiply(price);
    }

    /** Quantity with the sign it adds to a position. */
    public BigDecimal signedQty() {
        return side.signed(qty);
    }
}
