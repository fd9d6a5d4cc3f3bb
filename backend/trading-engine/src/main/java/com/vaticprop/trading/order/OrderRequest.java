package com.vaticprop.trading.order;

import com.vaticprop.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.Objects;

/** What a trader asked for, exactly as recorded in {@code trading.order-placed}. */
public record OrderRequest(String orderId, InstrumentId instrument, Side side, OrderType type, BigDecimal qty,
                           BigDecimal limitPrice, BigDecimal stopPrice, TimeInForce tif, boolean reduceOnly,
                           String idempotencyKey) {
    public OrderRequest {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(qty, "qty");
        Objects.requireNonNull(tif, "tif");
    }

    public static OrderRequest market(String id, InstrumentId instrument, Side side, String qty) {
        return new OrderRequest(id, instrument, side, OrderType.MARKET, new BigDecimal(qty), null, null,
                TimeInForce.IOC, false, id);
    }

    public static OrderRequest limit(String id, InstrumentId instrument, Side side, String qty, String price,
                                     TimeInForce tif) {
        return new OrderRequest(id, instrument, side, OrderType.LIMIT, new BigDecimal(qty), new BigDecimal(price),
                null, tif, false, id);
    }

    public static OrderRequest stop(String id, InstrumentId instrument, Side side, String qty, String stop) {
        return new OrderRequest(id, instrument, side, OrderType.STOP, new BigDecimal(qty), null,
                new BigDecimal(stop), TimeInForce.GTC, false, id);
    }

    public OrderRequest asReduceOnly() {
        return new OrderRequest(orderId, instrument, side, type, qty, limitPrice, stopPrice, tif, true,
                idempotencyKey);
    }

    public OrderRequest withTif(TimeInForce newTif) {
        return new OrderRequest(orderId, instrument, side, type, qty, limitPrice, stopPrice, newTif, reduceOnly,
                idempotencyKey);
    }
}
