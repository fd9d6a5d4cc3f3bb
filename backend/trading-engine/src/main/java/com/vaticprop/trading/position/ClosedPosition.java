package com.vaticprop.trading.position;

import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.order.Side;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A round trip (CONTRACTS.md: per-trade statistics use closed positions).
 *
 * @param qty         total quantity entered over the round trip
 * @param realizedPnl gross realized P&L (fees separate)
 * @param exitReason  how it closed: a trade, a settlement at the resolution price, or a void
 */
public record ClosedPosition(String positionId, InstrumentId instrument, Side side, BigDecimal qty,
                             BigDecimal avgEntry, BigDecimal exitPrice, BigDecimal realizedPnl, BigDecimal fees,
                             Instant openedAt, Instant closedAt, ExitReason exitReason) {
    public enum ExitReason {
        TRADE,
        SETTLEMENT,
        VOID
    }

    public BigDecimal netPnl() {
        return realizedPnl.subtract(fees);
    }
}
