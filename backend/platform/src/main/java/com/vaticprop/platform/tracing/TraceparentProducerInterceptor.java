package com.vaticprop.platform.tracing;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the trace on every produced record as a {@code traceparent} header, for all producers of a service (the
 * platform configures it as {@code interceptor.classes}): the current thread's context when it has one (an event sent
 * while handling a request), otherwise the {@code traceparent} field of the envelope JSON itself — that is how the
 * outbox relay, publishing later on its own thread, sends each row with the trace of the request that wrote it.
 * Market-data ticks never carry a trace and are not inspected.
 */
public final class TraceparentProducerInterceptor implements ProducerInterceptor<Object, Object> {

    private static final byte[] FIELD = "\"traceparent\"".getBytes(StandardCharsets.US_ASCII);
    private static final int LENGTH = 55;

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        if (record.topic().startsWith("market-data.") || record.headers().lastHeader(TraceContext.HEADER) != null) {
            return record;
        }
        Optional<String> traceparent = TraceContext.current().map(TraceContext::traceparent)
                .or(() -> fromEnvelope(record.value()));
        traceparent.ifPresent(t -> record.headers().add(TraceContext.HEADER, t.getBytes(StandardCharsets.US_ASCII)));
        return record;
    }

    /** The envelope's {@code "traceparent": "…"} (any spacing, as PostgreSQL's JSONB prints it), if valid. */
    static Optional<String> fromEnvelope(Object value) {
        byte[] json = value instanceof byte[] b ? b
                : value instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : null;
        if (json == null) {
            return Optional.empty();
        }
        int at = indexOf(json, FIELD);
        if (at < 0) {
            return Optional.empty();
        }
        int i = at + FIELD.length;
        while (i < json.length && (json[i] == ' ' || json[i] == ':')) {
            i++;
        }
        if (i >= json.length || json[i] != '"' || i + 1 + LENGTH > json.length) {
            return Optional.empty();
        }
        String candidate = new String(json, i + 1, LENGTH, StandardCharsets.US_ASCII);
        return TraceContext.parse(candidate).map(TraceContext::traceparent);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
