package com.vaticprop.platform.tracing;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventSamples;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.EventData;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** W3C trace context through HTTP, the envelope JSON (hence the outbox row) and the Kafka producer's headers. */
class TracingTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PARENT = "00-" + TRACE + "-00f067aa0ba902b7-01";

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void parsesOnlyValidVersion00HeadersAndFormatsThemBack() {
        assertThat(TraceContext.parse(PARENT)).hasValueSatisfying(t -> {
            assertThat(t.traceId()).isEqualTo(TRACE);
            assertThat(t.spanId()).isEqualTo("00f067aa0ba902b7");
            assertThat(t.sampled()).isTrue();
            assertThat(t.traceparent()).isEqualTo(PARENT);
        });
        assertThat(TraceContext.parse("00-" + TRACE + "-00f067aa0ba902b7-00")).hasValueSatisfying(t ->
                assertThat(t.sampled()).isFalse());
        assertThat(TraceContext.parse("00-" + "0".repeat(32) + "-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.parse("00-" + TRACE + "-" + "0".repeat(16) + "-01")).isEmpty();
        assertThat(TraceContext.parse("00-" + TRACE.toUpperCase() + "-00f067aa0ba902b7-01")).isEmpty();
        assertThat(TraceContext.parse("garbage")).isEmpty();
        assertThat(TraceContext.parse(null)).isEmpty();
        TraceContext child = TraceContext.parse(PARENT).orElseThrow().child();
        assertThat(child.traceId()).isEqualTo(TRACE);
        assertThat(child.spanId()).isNotEqualTo("00f067aa0ba902b7").matches("[0-9a-f]{16}");
    }

    @Test
    void theFilterContinuesTheCallersTraceForTheRequestAndClearsItAfterwards() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/assessments/x/orders");
        request.addHeader("traceparent", PARENT);
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();

        new TraceFilter().doFilter(request, response, new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                seen.set(MDC.get("traceId") + "/" + MDC.get("spanId"));
            }
        });

        assertThat(seen.get()).startsWith(TRACE + "/").doesNotEndWith("00f067aa0ba902b7");
        assertThat(response.getHeader("traceparent")).startsWith("00-" + TRACE + "-");
        assertThat(MDC.get("traceId")).isNull();

        MockHttpServletResponse fresh = new MockHttpServletResponse();
        new TraceFilter().doFilter(new MockHttpServletRequest("GET", "/health"), fresh, new MockFilterChain());
        assertThat(TraceContext.parse(fresh.getHeader("traceparent"))).as("a new trace without a header").isPresent();
    }

    @Test
    void anEnvelopeWrittenInsideATraceCarriesItAndStillDecodes() {
        EventCodec codec = new EventCodec();
        EventEnvelope<EventData> envelope = EventEnvelope.forAssessment(EventType.ORDER_PLACED, EventSamples.T0,
                EventSamples.ASSESSMENT, EventSamples.USER, 7, 1, EventSamples.sample(EventType.ORDER_PLACED));
        assertThat(codec.encodeToString(envelope)).doesNotContain("traceparent");

        String json;
        try (TraceContext.Scope ignored = TraceContext.parse(PARENT).orElseThrow().open()) {
            json = codec.encodeToString(envelope);
            assertThat(new String(codec.encode(envelope), StandardCharsets.UTF_8)).isEqualTo(json);
        }

        assertThat(json).contains("\"traceparent\":\"" + PARENT + "\"");
        assertThat(codec.decode(json)).isEqualTo(envelope);
    }

    @Test
    void theProducerInterceptorHeadersRecordsFromTheThreadOrFromTheEnvelope() {
        TraceparentProducerInterceptor interceptor = new TraceparentProducerInterceptor();
        // the relay: no context on its thread, the trace is in the row's JSON (PostgreSQL JSONB spacing)
        String jsonb = "{\"id\": \"x\", \"data\": {\"qty\": \"1\"}, \"traceparent\": \"" + PARENT + "\", \"type\": \"t\"}";
        ProducerRecord<Object, Object> relayed = interceptor.onSend(
                new ProducerRecord<>("trading.order-placed", "k", jsonb.getBytes(StandardCharsets.UTF_8)));
        assertThat(header(relayed)).isEqualTo(PARENT);

        ProducerRecord<Object, Object> untraced = interceptor.onSend(
                new ProducerRecord<>("trading.order-placed", "k", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(untraced.headers().lastHeader("traceparent")).isNull();
        ProducerRecord<Object, Object> broken = interceptor.onSend(new ProducerRecord<>("trading.order-placed", "k",
                "{\"traceparent\": \"00-zz\"}".getBytes(StandardCharsets.UTF_8)));
        assertThat(broken.headers().lastHeader("traceparent")).isNull();

        try (TraceContext.Scope ignored = TraceContext.parse(PARENT).orElseThrow().open()) {
            ProducerRecord<Object, Object> direct = interceptor.onSend(
                    new ProducerRecord<>("assessment.account-snapshot", "k", "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(header(direct)).isEqualTo(PARENT);
            ProducerRecord<Object, Object> tick = interceptor.onSend(
                    new ProducerRecord<>("market-data.btc-ticks", "BTC-USD", "{}".getBytes(StandardCharsets.UTF_8)));
            assertThat(tick.headers().lastHeader("traceparent")).as("ticks are never traced").isNull();
        }
    }

    private static String header(ProducerRecord<Object, Object> record) {
        return new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.US_ASCII);
    }
}
