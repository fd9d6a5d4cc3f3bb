package com.vaticprop.marketdata.venue.connection;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters one connector reports through {@code FeedStatus.counters}: messages, parse errors, unknown frames,
 * reconnects, gaps and whatever else its venue makes worth counting. Names are plain strings so a venue can add its
 * own without touching this class; the common ones are constants.
 */
public final class VenueCounters {
    public static final String MESSAGES = "messages";
    public static final String PARSE_ERRORS = "parseErrors";
    public static final String UNKNOWN_FRAMES = "unknownFrames";
    public static final String RECONNECTS = "reconnects";
    public static final String GAPS = "gaps";
    public static final String OUT_OF_ORDER = "outOfOrder";
    public static final String OUT_OF_RANGE = "outOfRange";
    public static final String LEGACY_SCHEMA = "legacySchema";
    public static final String VENUE_ERRORS = "venueErrors";
    public static final String WATCHDOG_RECONNECTS = "watchdogReconnects";
    public static final String HANDSHAKE_FAILURES = "handshakeFailures";
    public static final String RESYNCS = "resyncs";

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    public void increment(String name) {
        counters.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    public long get(String name) {
        LongAdder adder = counters.get(name);
        return adder == null ? 0 : adder.sum();
    }

    /** A sorted copy for the status endpoint. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((name, adder) -> copy.put(name, adder.sum()));
        return copy;
    }
}
