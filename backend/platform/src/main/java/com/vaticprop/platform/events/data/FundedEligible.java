package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

public record FundedEligible(UUID userId, BigDecimal profitSplitPct, BigDecimal finalBalance, Instant at)
        implements EventData {
}
