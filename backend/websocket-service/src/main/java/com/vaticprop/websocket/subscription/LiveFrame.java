package com.vaticprop.websocket.subscription;

/**
 * An encoded {@code event} frame on its way to a channel's subscribers: the seq it carries (null for snapshots,
 * ticks, simulation progress) and the Kafka timestamp it started from.
 */
public record LiveFrame(String channel, String frame, Long seq, long kafkaTimestampMs) {
}
