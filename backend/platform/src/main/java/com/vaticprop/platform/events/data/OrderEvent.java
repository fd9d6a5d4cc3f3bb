package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * An order as placed, cancelled or rejected; {@code check} and {@code reason} are set only on rejection and name the
 * pre-trade check that refused it.
 */
public record OrderEvent(UUID orderId, String instrument, String side, String type, BigDecimal qty,
                         BigDecimal limitPrice, BigDecimal stopPrice, String tif, boolean reduceOnly,
                         String idempotencyKey, String check, String reason) implements EventData {
}
