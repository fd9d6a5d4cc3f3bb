package com.vaticprop.marketdata.feed;

import java.time.Instant;
import java.util.Map;

/**
 * A source's health as operators see it.
 *
 * @param source         the source's name
 * @param state          CONNECTING, CONNECTED, RECONNECTING, STOPPED, or RUNNING for sources without a connection
 * @param lastMessageAt  when the source last received anything from its venue (null before the first message)
 * @param reconnects     reconnections since start
 * @param counters       source-specific counters (parse errors, unknown frames, gaps, dropped outliers, …)
 */
public record FeedStatus(String source, String state, Instant lastMessageAt, long reconnects,
                         Map<String, Long> counters) {
}
