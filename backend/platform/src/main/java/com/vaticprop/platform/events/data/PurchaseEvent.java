package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.util.UUID;

/** A purchase completed, failed or refunded. */
public record PurchaseEvent(UUID purchaseId, UUID userId, UUID tierId, int tierVersion, BigDecimal amount,
                            String currency, String stripeEventId) implements EventData {
}
