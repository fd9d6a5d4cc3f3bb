package com.vaticprop.platform.events.data;

import java.math.BigDecimal;
import java.util.UUID;

public record PhasePassed(int phase, int nextPhase, UUID newAccountId, BigDecimal initialBalance)
        implements EventData {
}
