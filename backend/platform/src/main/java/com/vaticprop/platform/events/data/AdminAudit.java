package com.vaticprop.platform.events.data;

import tools.jackson.databind.JsonNode;

/** An operator's action, with the state before and after, kept for a year. */
public record AdminAudit(String actor, String action, String subject, JsonNode before, JsonNode after, String reason)
        implements EventData {
}
