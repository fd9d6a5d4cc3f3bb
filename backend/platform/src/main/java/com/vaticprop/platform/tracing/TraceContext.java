package com.vaticprop.platform.tracing;

import org.slf4j.MDC;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A W3C Trace Context position: {@code traceparent: 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}. The trace
 * id is what joins one HTTP request to the outbox row it wrote, the Kafka record the relay published and the log lines
 * of every consumer; Istio's sidecars speak the same header, so pod logs join the mesh's traces.
 *
 * <p>The current context lives in the logging MDC ({@code traceId}, {@code spanId}): that is where the JSON log lines
 * pick it up, and a thread that has none (a scheduler, a relay) simply logs without one.
 */
public record TraceContext(String traceId, String spanId, boolean sampled) {

    public static final String HEADER = "traceparent";
    public static final String MDC_TRACE_ID = "traceId";
    public static final String MDC_SPAN_ID = "spanId";
    static final String MDC_SAMPLED = "traceSampled";

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    public TraceContext {
        if (!traceId.matches("[0-9a-f]{32}") || traceId.equals(INVALID_TRACE)) {
            throw new IllegalArgumentException("invalid trace id " + traceId);
        }
        if (!spanId.matches("[0-9a-f]{16}") || spanId.equals(INVALID_SPAN)) {
            throw new IllegalArgumentException("invalid span id " + spanId);
        }
    }

    /** A header value of version 00; empty when absent or malformed (a bad header starts a new trace, never fails). */
    public static Optional<TraceContext> parse(String traceparent) {
        if (traceparent == null) {
            return Optional.empty();
        }
        var m = TRACEPARENT.matcher(traceparent.strip());
        if (!m.matches() || m.group(1).equals(INVALID_TRACE) || m.group(2).equals(INVALID_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(m.group(1), m.group(2), (HEX.parseHex(m.group(3))[0] & 1) == 1));
    }

    /** A new trace (no incoming context), sampled. */
    public static TraceContext newTrace() {
        return new TraceContext(randomHex(16), randomHex(8), true);
    }

    /** A child position in the same trace: this process's own span under the caller's. */
    public TraceContext child() {
        return new TraceContext(traceId, randomHex(8), sampled);
    }

    public String traceparent() {
        return "00-" + traceId + "-" + spanId + (sampled ? "-01" : "-00");
    }

    /** The context of the current thread, from the MDC. */
    public static Optional<TraceContext> current() {
        String trace = MDC.get(MDC_TRACE_ID);
        String span = MDC.get(MDC_SPAN_ID);
        if (trace == null || span == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TraceContext(trace, span, !"false".equals(MDC.get(MDC_SAMPLED))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Makes this the current thread's context until the returned scope is closed (which restores the previous). */
    public Scope open() {
        String previousTrace = MDC.get(MDC_TRACE_ID);
        String previousSpan = MDC.get(MDC_SPAN_ID);
        String previousSampled = MDC.get(MDC_SAMPLED);
        MDC.put(MDC_TRACE_ID, traceId);
        MDC.put(MDC_SPAN_ID, spanId);
        MDC.put(MDC_SAMPLED, Boolean.toString(sampled));
        return () -> {
            restore(MDC_TRACE_ID, previousTrace);
            restore(MDC_SPAN_ID, previousSpan);
            restore(MDC_SAMPLED, previousSampled);
        };
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }

    private static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        do {
            RANDOM.nextBytes(b);
        } while (allZero(b));
        return HEX.formatHex(b);
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /** An open context; closing it restores what was current before. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
