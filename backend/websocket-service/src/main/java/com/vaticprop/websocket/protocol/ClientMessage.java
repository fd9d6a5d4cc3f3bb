package com.vaticprop.websocket.protocol;

/** What a client may send: the ops of CONTRACTS.md "WebSocket protocol" plus {@code auth}. */
public sealed interface ClientMessage {

    record Auth(String token) implements ClientMessage {
        @Override
        public String toString() {
            return "Auth[token=***]";
        }
    }

    record Subscribe(String channel, String since) implements ClientMessage {
    }

    record Unsubscribe(String channel) implements ClientMessage {
    }

    record Ping() implements ClientMessage {
    }

    /** A frame that is not one of the above; {@code reason} goes back in an {@code error} frame. */
    record Invalid(String reason) implements ClientMessage {
    }
}
