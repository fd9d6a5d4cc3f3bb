package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A position opened or closed (a closed position is a round trip). */
public record PositionChanged(UUID positionId, String instrument, String side, BigDecimal qty, BigDecimal avgEntry,
                              BigDecimal exitPrice, BigDecimal realizedPnl, BigDecimal fees, Instant openedAt,
                              Instant closedAt) implements EventData {
}
