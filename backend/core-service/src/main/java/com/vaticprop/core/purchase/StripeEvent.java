package com.vaticprop.core.purchase;

import com.vaticprop.platform.json.VaticJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.UUID;

/**
 * The parts of a Stripe webhook event we act on, read from the verified payload with Jackson rather than
 * stripe-java's model: the model deserialises only events of the library's pinned API version, and an account's
 * webhook endpoint may be on another one. The fields used here are stable across versions.
 *
 * @param object {@code data.object}: a Checkout Session, PaymentIntent or Charge depending on the type
 */
record StripeEvent(String id, String type, JsonNode object, String payload) {

    static Optional<StripeEvent> parse(String payload) {
        try {
            JsonNode root = VaticJson.mapper().readTree(payload);
            String id = text(root, "id");
            String type = text(root, "type");
            JsonNode object = root.path("data").path("object");
            if (id == null || type == null || !object.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new StripeEvent(id, type, object, payload));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    String objectText(String field) {
        return text(object, field);
    }

    /** A field that is either an id string or an expanded object with an {@code id}. */
    String objectRef(String field) {
        JsonNode node = object.path(field);
        return node.isObject() ? text(node, "id") : text(object, field);
    }

    Optional<Long> objectLong(String field) {
        JsonNode node = object.path(field);
        return node.isIntegralNumber() ? Optional.of(node.asLong()) : Optional.empty();
    }

    boolean objectFlag(String field) {
        return object.path(field).asBoolean(false);
    }

    /** {@code metadata.purchaseId}, when present and a UUID. */
    Optional<UUID> purchaseIdFromMetadata() {
        String raw = text(object.path("metadata"), StripeCheckoutGateway.PURCHASE_ID_METADATA);
        if (raw == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }
}
