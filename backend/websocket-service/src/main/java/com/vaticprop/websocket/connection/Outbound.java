package com.vaticprop.websocket.connection;

/**
 * One item of a connection's send queue: a text frame (with the Kafka timestamp it started from, 0 if none), a
 * ping, or a close that goes out after everything queued before it.
 */
public sealed interface Outbound {

    record Text(String frame, long kafkaTimestampMs) implements Outbound {
    }

    record Ping() implements Outbound {
    }

    record Close(org.springframework.web.socket.CloseStatus status) implements Outbound {
    }
}
