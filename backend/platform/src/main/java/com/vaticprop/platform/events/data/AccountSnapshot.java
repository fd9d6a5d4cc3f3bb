package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Live dashboard state; latest-wins, published directly (not through the outbox) and at most twice a second. */
public record AccountSnapshot(BigDecimal balance, BigDecimal equity, BigDecimal openPnl, BigDecimal dayPnl,
                              List<RuleDistance> rules, Instant at) implements EventData {

    /** How far the account is from one rule's limit. */
    public record RuleDistance(String rule, BigDecimal value, BigDecimal limit, BigDecimal distance,
                               BigDecimal distancePct, String explanation) {
    }
}
