package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.util.UUID;

public record OrderFilled(UUID orderId, UUID tradeId, String instrument, String side, BigDecimal qty,
                          BigDecimal price, BigDecimal fee, QuoteEvidence quote) implements EventData {
}
