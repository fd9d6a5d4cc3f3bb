package com.vaticprop.montecarlo.api;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads typed fields out of a JSON body and collects every problem as {@code {field, message}} — the platform's
 * validation problem shape — instead of stopping at the first, so a client fixes its request in one round.
 */
final class BodyReader {

    private final List<Map<String, String>> errors = new ArrayList<>();

    List<Map<String, String>> errors() {
        return errors;
    }

    void error(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
    }

    static boolean present(JsonNode node, String field) {
        return node != null && node.hasNonNull(field);
    }

    Integer integer(JsonNode node, String field, String path, Integer fallback, long min, long max) {
        if (!present(node, field)) {
            return fallback;
        }
        JsonNode v = node.get(field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            error(path, "must be an integer");
            return null;
        }
        long x = v.asLong();
        if (x < min || x > max) {
            error(path, "must be between " + min + " and " + max);
            return null;
        }
        return (int) x;
    }

    Long longValue(JsonNode node, String field, String path) {
        if (!present(node, field)) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.asLong();
        }
        if (v.isString()) {
            try {
                return Long.parseLong(v.asString());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        error(path, "must be a 64-bit integer");
        return null;
    }

    Double positive(JsonNode node, String field, String path, double exclusiveMin, boolean inclusive) {
        if (!present(node, field)) {
            return null;
        }
        BigDecimal d = decimal(node, field, path, true);
        if (d == null) {
            return null;
        }
        double x = d.doubleValue();
        if (inclusive ? !(x >= exclusiveMin) : !(x > exclusiveMin)) {
            error(path, "must be " + (inclusive ? "≥ " : "> ") + exclusiveMin);
            return null;
        }
        return x;
    }

    BigDecimal decimal(JsonNode node, String field, String path, boolean required) {
        if (!present(node, field)) {
            if (required) {
                error(path, "is required");
            }
            return null;
        }
        JsonNode v = node.get(field);
        try {
            if (v.isString()) {
                return new BigDecimal(v.asString().trim());
            }
            if (v.isNumber()) {
                return v.decimalValue();
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        error(path, "must be a decimal string");
        return null;
    }

    Instant instant(JsonNode node, String field, String path, boolean required) {
        if (!present(node, field)) {
            if (required) {
                error(path, "is required");
            }
            return null;
        }
        try {
            return Instant.parse(scalar(node.get(field)));
        } catch (DateTimeParseException e) {
            error(path, "must be an ISO-8601 instant");
            return null;
        }
    }

    LocalDate date(JsonNode node, String field, String path) {
        if (!present(node, field)) {
            error(path, "is required");
            return null;
        }
        try {
            return LocalDate.parse(scalar(node.get(field)));
        } catch (DateTimeParseException e) {
            error(path, "must be a YYYY-MM-DD date");
            return null;
        }
    }

    UUID uuid(JsonNode node, String field, String path) {
        if (!present(node, field)) {
            return null;
        }
        try {
            return UUID.fromString(scalar(node.get(field)));
        } catch (IllegalArgumentException e) {
            error(path, "must be a UUID");
            return null;
        }
    }

    <E extends Enum<E>> E enumValue(JsonNode node, String field, String path, Class<E> type) {
        if (!present(node, field)) {
            return null;
        }
        String s = scalar(node.get(field));
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(s)) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        error(path, "must be one of " + String.join(", ", names));
        return null;
    }

    /**
     * A scalar's text, or "" for an object or array — which then fails the caller's parse and is reported as that
     * field's error. {@code asString()} throws on containers, which surfaced as a 500 (found by deployment-tests'
     * HTTP fuzzer: {@code "assessmentId": {"$gt": ""}}).
     */
    private static String scalar(JsonNode value) {
        return value.isValueNode() ? value.asString() : "";
    }
}
