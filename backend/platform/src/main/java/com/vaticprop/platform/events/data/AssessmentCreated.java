package com.vaticprop.platform.events.data;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.UUID;

/** The assessment with its rule set pinned in full, so consumers judge it by the rules it was bought under. */
public record AssessmentCreated(UUID userId, UUID tierId, int tierVersion, JsonNode ruleSet,
                                BigDecimal initialBalance, String currency, int phase, UUID accountId)
        implements EventData {
}
