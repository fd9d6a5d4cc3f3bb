package com.vaticprop.platform.events;

import com.vaticprop.platform.tracing.TraceContext;
import tools.jackson.databind.node.ObjectNode;

import java.util.Optional;

import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.json.VaticJson;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/**
 * Envelope (de)serialisation. Decoding picks the data record from the {@code type} field and re-checks the envelope
 * rules, so a malformed record surfaces as one {@link MalformedEventException} a consumer can park, never as a
 * half-read event.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this(VaticJson.mapper());
    }

    public EventCodec(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public byte[] encode(EventEnvelope<?> envelope) {
        Optional<TraceContext> trace = TraceContext.current();
        return trace.isEmpty() ? mapper.writeValueAsBytes(envelope) : mapper.writeValueAsBytes(traced(envelope, trace.get()));
    }

    public String encodeToString(EventEnvelope<?> envelope) {
        Optional<TraceContext> trace = TraceContext.current();
        return trace.isEmpty() ? mapper.writeValueAsString(envelope)
                : mapper.writeValueAsString(traced(envelope, trace.get()));
    }

    /**
     * The envelope with an optional {@code traceparent} member (W3C) when it is written inside a trace (an HTTP
     * request): the outbox row then keeps the trace of the request that wrote it, and the relay's producer puts it on
     * the record's headers ({@code TraceparentProducerInterceptor}). Decoding ignores it.
     */
    private ObjectNode traced(EventEnvelope<?> envelope, TraceContext trace) {
        ObjectNode tree = mapper.valueToTree(envelope);
        tree.put(TraceContext.HEADER, trace.traceparent());
        return tree;
    }

    public EventEnvelope<EventData> decode(byte[] json) {
        try {
            return fromTree(mapper.readTree(json));
        } catch (JacksonException e) {
            throw new MalformedEventException("not valid event JSON: " + e.getOriginalMessage(), e);
        }
    }

    public EventEnvelope<EventData> decode(String json) {
        try {
            return fromTree(mapper.readTree(json));
        } catch (JacksonException e) {
            throw new MalformedEventException("not valid event JSON: " + e.getOriginalMessage(), e);
        }
    }

    private EventEnvelope<EventData> fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new MalformedEventException("an event must be a JSON object", null);
        }
        String type = text(tree, "type");
        EventType eventType = EventType.byWireName(type)
                .orElseThrow(() -> new MalformedEventException("unknown event type " + type, null));
        JsonNode dataNode = tree.get("data");
        if (dataNode == null || !dataNode.isObject()) {
            throw new MalformedEventException(type + " has no data object", null);
        }
        try {
            EventData data = mapper.treeToValue(dataNode, eventType.dataType());
            return new EventEnvelope<>(
                    UUID.fromString(text(tree, "id")),
                    type,
                    tree.has("version") ? tree.get("version").asInt() : 1,
                    Instant.parse(text(tree, "occurredAt")),
                    optionalUuid(tree, "assessmentId"),
                    optionalUuid(tree, "userId"),
                    tree.hasNonNull("seq") ? Long.valueOf(tree.get("seq").asLong()) : null,
                    tree.hasNonNull("phase") ? Integer.valueOf(tree.get("phase").asInt()) : null,
                    data);
        } catch (JacksonException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new MalformedEventException(type + " is malformed: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node == null || node.isNull()) {
            throw new MalformedEventException("event field " + field + " is missing", null);
        }
        return node.asString();
    }

    private static UUID optionalUuid(JsonNode tree, String field) {
        return tree.hasNonNull(field) ? UUID.fromString(tree.get(field).asString()) : null;
    }

    /** A record that is not a valid event of the catalogue. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
