package com.vaticprop.trading.position;

import java.math.BigDecimal;

/**
 * What one fill did to a position. A flip is a close followed by an open, so it carries both.
 *
 * @param before   the position before the fill ({@code null} when flat)
 * @param after    the position after the fill ({@code null} when now flat)
 * @param closed   the round trip this fill ended, if any
 * @param realized gross P&L this fill realized
 */
public record PositionChange(Kind kind, Position before, Position after, ClosedPosition closed,
                             BigDecimal realized) {
    public enum Kind {
        OPENED,
        INCREASED,
        REDUCED,
        CLOSED,
        FLIPPED
    }

    /** Change of locked cost basis (fully paid instruments tie up exactly this much cash). */
    public BigDecimal costBasisDelta() {
        BigDecimal b = before == null ? BigDecimal.ZERO : before.costBasis();
        BigDecimal a = after == null ? BigDecimal.ZERO : after.costBasis();
        return a.subtract(b);
    }
}
