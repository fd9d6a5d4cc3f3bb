package com.vaticprop.trading.order;

import com.vaticprop.trading.instrument.FeeModel.OrderFees;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * An accepted order that is not finished yet: how much is filled, whether its stop has triggered, and the fees its
 * fills have been charged so far (some venues round fees per order).
 *
 * @param eligibleFrom the first quote receipt time this order may fill against (placement + fill delay)
 */
public record WorkingOrder(OrderRequest request, Instant placedAt, Instant eligibleFrom, BigDecimal filledQty,
                           boolean triggered, OrderFees fees) {
    public WorkingOrder {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(eligibleFrom, "eligibleFrom");
    }

    public static WorkingOrder accepted(OrderRequest request, Instant placedAt, long fillDelayMs) {
        return new WorkingOrder(request, placedAt, placedAt.plusMillis(fillDelayMs), BigDecimal.ZERO,
                request.type() != OrderType.STOP, OrderFees.NONE);
    }

    public BigDecimal remaining() {
        return request.qty().subtract(filledQty);
    }

    public boolean done() {
        return remaining().signum() <= 0;
    }

    public WorkingOrder filled(BigDecimal qty, OrderFees after) {
        return new WorkingOrder(request, placedAt, eligibleFrom, filledQty.add(qty), triggered, after);
    }

    public WorkingOrder trigger() {
        return new WorkingOrder(request, placedAt, eligibleFrom, filledQty, true, fees);
    }
}
