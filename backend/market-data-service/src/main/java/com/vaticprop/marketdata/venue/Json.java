package com.vaticprop.marketdata.venue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * JSON helpers shared by the venue parsers. Hot paths (Binance, Polymarket, Kraken) read frames with
 * {@link JsonScanner} into small field holders; the rarer messages (Coinbase, Kalshi, REST) go through Jackson's tree
 * model, where clarity beats speed.
 */
public final class Json {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }

    public static JsonNode tree(String frame) {
        return MAPPER.readTree(frame);
    }

    /** An ordered JSON object from alternating keys and values, for subscribe messages whose field order we assert. */
    public static String object(Object... keysAndValues) {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return MAPPER.writeValueAsString(map);
    }

    /** A scalar field as text (numbers as written), or null when absent, null or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        return value.asString();
    }

    /** A decimal from its exact wire text, or null when absent; "" is treated as absent (Kalshi's empty result). */
    public static BigDecimal decimal(String text) {
        return text == null || text.isEmpty() ? null : VenueDecimal.parse(text);
    }

    /** Unix milliseconds as text ("1757908892351") to an instant, null when absent. */
    public static Instant millis(String text) {
        return text == null || text.isEmpty() ? null : Instant.ofEpochMilli(Long.parseLong(text));
    }
}
