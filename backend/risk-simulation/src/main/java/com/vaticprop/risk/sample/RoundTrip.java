package com.vaticprop.risk.sample;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One closed position (a {@code trading.position-closed}) as the simulation sees it.
 *
 * @param pnl          realized P&L net of fees
 * @param notional     entry notional; a round trip of at least the tier's {@code minTradeNotionalPctOfInitial} makes
 *                     its day a trading day
 * @param worstOpenPnl the worst open P&L while the position was held (≤ 0), when known; {@code null} = 0, i.e. the
 *                     intraday equity low is only seen at the closes
 */
public record RoundTrip(Instant openedAt, Instant closedAt, BigDecimal pnl, BigDecimal notional,
                        BigDecimal worstOpenPnl) {
    public RoundTrip {
        Objects.requireNonNull(closedAt, "closedAt");
        Objects.requireNonNull(pnl, "pnl");
        Objects.requireNonNull(notional, "notional");
        if (worstOpenPnl != null && worstOpenPnl.signum() > 0) {
            throw new IllegalArgumentException("worstOpenPnl must be ≤ 0");
        }
    }

    public RoundTrip(Instant openedAt, Instant closedAt, BigDecimal pnl, BigDecimal notional) {
        this(openedAt, closedAt, pnl, notional, null);
    }
}
