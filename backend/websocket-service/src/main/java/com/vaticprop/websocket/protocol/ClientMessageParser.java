package com.vaticprop.websocket.protocol;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a text frame into a {@link ClientMessage}. Never throws: anything unexpected becomes {@link
 * ClientMessage.Invalid} with a reason safe to echo (it never quotes the frame, which may hold a token).
 */
public final class ClientMessageParser {

    private final JsonMapper mapper;

    public ClientMessageParser(JsonMapper mapper) {
        this.mapper = mapper;
    }

    public ClientMessage parse(String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JacksonException e) {
            return new ClientMessage.Invalid("malformed JSON");
        }
        if (tree == null || !tree.isObject()) {
            return new ClientMessage.Invalid("a frame must be a JSON object");
        }
        JsonNode op = tree.get("op");
        if (op == null || !op.isString()) {
            return new ClientMessage.Invalid("missing op");
        }
        return switch (op.asString()) {
            case "auth" -> stringField(tree, "token")
                    .<ClientMessage>map(ClientMessage.Auth::new)
                    .orElse(new ClientMessage.Invalid("auth needs a token"));
            case "subscribe" -> {
                var channel = stringField(tree, "channel");
                JsonNode since = tree.get("since");
                if (channel.isEmpty()) {
                    yield new ClientMessage.Invalid("subscribe needs a channel");
                }
                if (since != null && !since.isNull() && !since.isString() && !since.isIntegralNumber()) {
                    yield new ClientMessage.Invalid("since must be an offset string");
                }
                yield new ClientMessage.Subscribe(channel.get(),
                        since == null || since.isNull() ? null : since.asString());
            }
            case "unsubscribe" -> stringField(tree, "channel")
                    .<ClientMessage>map(ClientMessage.Unsubscribe::new)
                    .orElse(new ClientMessage.Invalid("unsubscribe needs a channel"));
            case "ping" -> new ClientMessage.Ping();
            default -> new ClientMessage.Invalid("unknown op");
        };
    }

    private static java.util.Optional<String> stringField(JsonNode tree, String name) {
        JsonNode node = tree.get(name);
        return node != null && node.isString() ? java.util.Optional.of(node.asString()) : java.util.Optional.empty();
    }
}
