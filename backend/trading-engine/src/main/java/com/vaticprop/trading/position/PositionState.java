package com.vaticprop.trading.position;

import com.vaticprop.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An open {@link Position} as plain data, for engine snapshots. Every component is kept because each one feeds a
 * later booking: the signed cost basis and quantity price the next fill and the open P&L; realized P&L, fees and the
 * entered/exited totals become the {@link ClosedPosition} of the round trip when it closes.
 */
public record PositionState(String positionId, String instrument, BigDecimal qty, BigDecimal costBasis,
                            BigDecimal realizedPnl, BigDecimal fees, BigDecimal enteredQty, BigDecimal enteredValue,
                            BigDecimal exitedQty, BigDecimal exitedValue, Instant openedAt) {

    public static PositionState of(Position p) {
        return new PositionState(p.positionId(), p.instrument().value(), p.qty(), p.costBasis(), p.realizedPnl(),
                p.fees(), p.enteredQty(), p.enteredValue(), p.exitedQty(), p.exitedValue(), p.openedAt());
    }

    /** The position back; throws {@link IllegalArgumentException} for an unknown id or a zero quantity. */
    public Position toPosition() {
        if (qty == null || costBasis == null || realizedPnl == null || fees == null || enteredQty == null
                || enteredValue == null || exitedQty == null || exitedValue == null) {
            throw new IllegalArgumentException("position " + positionId + " lacks an amount");
        }
        return new Position(positionId, InstrumentId.of(instrument), qty, costBasis, realizedPnl, fees, enteredQty,
                enteredValue, exitedQty, exitedValue, openedAt);
    }
}
