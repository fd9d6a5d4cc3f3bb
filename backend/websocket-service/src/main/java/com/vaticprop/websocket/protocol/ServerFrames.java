package com.vaticprop.websocket.protocol;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Encodes the server ops. An {@code event} frame is encoded once per event and channel and then shared by every
 * subscriber (and stored verbatim in the resume history), so fan-out costs no per-client serialisation.
 */
public final class ServerFrames {

    private final JsonMapper mapper;

    public ServerFrames(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public String event(String channel, Long offset, String type, JsonNode data) {
        ObjectNode node = mapper.createObjectNode();
        node.put("op", "event");
        node.put("channel", channel);
        if (offset == null) {
            node.putNull("offset");
        } else {
            node.put("offset", Long.toString(offset));
        }
        node.put("type", type);
        node.set("data", data);
        return mapper.writeValueAsString(node);
    }

    public String subscribed(String channel, boolean recovered) {
        return subscribed(channel, recovered, null);
    }

    /**
     * {@code offset}: the seq this subscription stands at — every event above it follows, none at or below. A client
     * that reconnects before any event came resumes with {@code since} = this offset, so even a quiet channel's
     * resume proves that nothing was missed (without it, such a client could only subscribe afresh). Null (absent
     * from the frame) for market channels and when the history was unreadable.
     */
    public String subscribed(String channel, boolean recovered, Long offset) {
        ObjectNode node = mapper.createObjectNode();
        node.put("op", "subscribed");
        node.put("channel", channel);
        node.put("recovered", recovered);
        if (offset != null) {
            node.put("offset", Long.toString(offset));
        }
        return mapper.writeValueAsString(node);
    }

    public String error(int code, String message) {
        ObjectNode node = mapper.createObjectNode();
        node.put("op", "error");
        node.put("code", code);
        node.put("message", message);
        return mapper.writeValueAsString(node);
    }

    public String pong() {
        return "{\"op\":\"pong\"}";
    }
}
