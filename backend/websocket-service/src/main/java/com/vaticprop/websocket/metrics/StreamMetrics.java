package com.vaticprop.websocket.metrics;

import java.util.EnumMap;
import java.util.Map;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's meters on /metrics. Messages out is a counter ({@code rate()} gives messages/s); the latency timer
 * measures Kafka append (the record timestamp) to the frame being handed to the socket, live frames only.
 */
public final class StreamMetrics {

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final Counter messagesOut;
    private final Counter slowConsumerCloses;
    private final Map<Resume, Counter> resumes = new EnumMap<>(Resume.class);
    private final Counter gapsSkipped;
    private final Counter recordsDropped;
    private final Timer latency;
    private final MeterRegistry registry;

    public StreamMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("vatic.ws.connections", connections, AtomicInteger::get)
                .description("open WebSocket connections").register(registry);
        Gauge.builder("vatic.ws.subscriptions", subscriptions, AtomicInteger::get)
                .description("channel subscriptions held").register(registry);
        messagesOut = Counter.builder("vatic.ws.messages.out").description("frames sent to clients")
                .register(registry);
        slowConsumerCloses = Counter.builder("vatic.ws.slow.consumer.closes")
                .description("connections closed with 4008").register(registry);
        for (Resume result : Resume.values()) {
            resumes.put(result, Counter.builder("vatic.ws.resume").tag("result", result.label)
                    .description("subscribe with since: replayed from the history (hit); not covered by it (miss);"
                            + " a hole in it (gap); history unreadable (unavailable)").register(registry));
        }
        gapsSkipped = Counter.builder("vatic.ws.seq.gaps.skipped")
                .description("seqs given up on after the gap timeout").register(registry);
        recordsDropped = Counter.builder("vatic.ws.records.dropped")
                .description("Kafka records that were not valid events").register(registry);
        latency = Timer.builder("vatic.ws.delivery.latency")
                .description("Kafka append to frame written to the client socket")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(10))
                .register(registry);
    }

    public void connectionOpened() {
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public void subscribed() {
        subscriptions.incrementAndGet();
    }

    public void unsubscribed(int count) {
        subscriptions.addAndGet(-count);
    }

    public void messageOut() {
        messagesOut.increment();
    }

    public void slowConsumerClosed() {
        slowConsumerCloses.increment();
    }

    public void authFailed(String reason) {
        Counter.builder("vatic.ws.auth.failures").tag("reason", reason)
                .description("refused tickets, tokens and auth timeouts").register(registry).increment();
    }

    public void resume(Resume result) {
        resumes.get(result).increment();
    }

    /**
     * How a subscribe with {@code since} was answered. Only {@link #HIT} is {@code recovered: true}; the others
     * are told apart so that an operator can see whether resumes fail for want of history (the window), a hole in it
     * (appends refused while Redis was away) or a Redis that did not answer in time.
     */
    public enum Resume {
        HIT("hit"), MISS("miss"), GAP("gap"), UNAVAILABLE("unavailable");

        private final String label;

        Resume(String label) {
            this.label = label;
        }
    }

    public void gapSkipped(long count) {
        gapsSkipped.increment(count);
    }

    public void recordDropped() {
        recordsDropped.increment();
    }

    public void delivered(long kafkaTimestampMs, long nowMs) {
        if (kafkaTimestampMs > 0) {
            latency.record(Math.max(0, nowMs - kafkaTimestampMs), TimeUnit.MILLISECONDS);
        }
    }
}
