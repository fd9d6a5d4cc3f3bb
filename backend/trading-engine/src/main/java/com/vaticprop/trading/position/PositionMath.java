package com.vaticprop.trading.position;

import com.vaticprop.trading.money.Money;
import com.vaticprop.trading.order.Fill;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Applies fills, settlements and voids to positions. Pure: the same inputs give the same positions, and the only
 * rounding is the proportional share of cost basis (and of a flip's fee), booked at scale 8, with the remainder left
 * on the position so nothing is ever lost.
 */
public final class PositionMath {
    private PositionMath() {
    }

    /**
     * @param current     the open position in the fill's instrument, or {@code null}
     * @param newPosition supplies the id for a newly opened position (open or the new leg of a flip)
     */
    public static PositionChange apply(Position current, Fill fill, Supplier<String> newPosition) {
        BigDecimal signed = fill.signedQty();
        if (current == null) {
            Position opened = open(newPosition.get(), fill, signed, fill.fee());
            return new PositionChange(PositionChange.Kind.OPENED, null, opened, null, Money.ZERO);
        }
        if (current.qty().signum() == signed.signum()) {
            Position increased = new Position(current.positionId(), current.instrument(), current.qty().add(signed),
                    current.costBasis().add(signed.multiply(fill.price())), current.realizedPnl(),
                    current.fees().add(fill.fee()), current.enteredQty().add(fill.qty()),
                    current.enteredValue().add(fill.notional()), current.exitedQty(), current.exitedValue(),
                    current.openedAt());
            return new PositionChange(PositionChange.Kind.INCREASED, current, increased, null, Money.ZERO);
        }
        BigDecimal closeQty = fill.qty().min(current.absQty());
        BigDecimal closeSigned = current.qty().signum() > 0 ? closeQty : closeQty.negate();
        boolean full = closeQty.compareTo(current.absQty()) == 0;
        BigDecimal removedCost = full ? current.costBasis()
                : Money.book(current.costBasis().multiply(closeQty).divide(current.absQty(), Money.WORK));
        BigDecimal realized = Money.book(closeSigned.multiply(fill.price()).subtract(removedCost));
        BigDecimal openQty = fill.qty().subtract(closeQty);
        BigDecimal closeFee = openQty.signum() == 0 ? fill.fee()
                : fill.fee().multiply(closeQty).divide(fill.qty(), Money.SCALE, RoundingMode.HALF_EVEN);
        BigDecimal openFee = fill.fee().subtract(closeFee);
        BigDecimal exitedQty = current.exitedQty().add(closeQty);
        BigDecimal exitedValue = current.exitedValue().add(closeQty.multiply(fill.price()));
        if (!full) {
            Position reduced = new Position(current.positionId(), current.instrument(),
                    current.qty().subtract(closeSigned), current.costBasis().subtract(removedCost),
                    current.realizedPnl().add(realized), current.fees().add(closeFee), current.enteredQty(),
                    current.enteredValue(), exitedQty, exitedValue, current.openedAt());
            return new PositionChange(PositionChange.Kind.REDUCED, current, reduced, null, realized);
        }
        ClosedPosition closed = new ClosedPosition(current.positionId(), current.instrument(), current.side(),
                current.enteredQty(), avg(current.enteredValue(), current.enteredQty()), avg(exitedValue, exitedQty),
                current.realizedPnl().add(realized), current.fees().add(closeFee), current.openedAt(), fill.at(),
                ClosedPosition.ExitReason.TRADE);
        if (openQty.signum() == 0) {
            return new PositionChange(PositionChange.Kind.CLOSED, current, null, closed, realized);
        }
        BigDecimal newSigned = signed.signum() > 0 ? openQty : openQty.negate();
        Position flipped = open(newPosition.get(), fill, newSigned, openFee);
        return new PositionChange(PositionChange.Kind.FLIPPED, current, flipped, closed, realized);
    }

    /** Settles a fully paid share at the resolution price in [0, 1] (no fee). */
    public static PositionChange settle(Position current, BigDecimal settlementPrice, Instant at) {
        if (settlementPrice.signum() < 0 || settlementPrice.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("settlement price must be within [0, 1]: " + settlementPrice);
        }
        return exit(current, settlementPrice, at, ClosedPosition.ExitReason.SETTLEMENT);
    }

    /** A voided market unwinds at entry: the cost basis comes back, no P&L, fees already paid stay paid. */
    public static PositionChange voidAtEntry(Position current, Instant at) {
        return exit(current, null, at, ClosedPosition.ExitReason.VOID);
    }

    private static PositionChange exit(Position current, BigDecimal price, Instant at,
                                       ClosedPosition.ExitReason reason) {
        BigDecimal realized = price == null ? Money.ZERO
                : Money.book(current.qty().multiply(price).subtract(current.costBasis()));
        BigDecimal exitPrice = price == null ? current.avgEntry() : price;
        ClosedPosition closed = new ClosedPosition(current.positionId(), current.instrument(), current.side(),
                current.enteredQty(), avg(current.enteredValue(), current.enteredQty()), exitPrice,
                current.realizedPnl().add(realized), current.fees(), current.openedAt(), at, reason);
        return new PositionChange(PositionChange.Kind.CLOSED, current, null, closed, realized);
    }

    private static Position open(String id, Fill fill, BigDecimal signedQty, BigDecimal fee) {
        BigDecimal qty = signedQty.abs();
        return new Position(id, fill.instrument(), signedQty, signedQty.multiply(fill.price()), Money.ZERO, fee,
                qty, qty.multiply(fill.price()), BigDecimal.ZERO, BigDecimal.ZERO, fill.at());
    }

    private static BigDecimal avg(BigDecimal value, BigDecimal qty) {
        return qty.signum() == 0 ? BigDecimal.ZERO : value.divide(qty, 10, RoundingMode.HALF_EVEN);
    }
}
