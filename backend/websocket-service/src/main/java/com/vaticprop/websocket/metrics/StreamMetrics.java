package com.vaticprop.websocket.metrics;

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
    private final Counter resumeHits;
    private final Counter resumeMisses;
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
        resumeHits = Counter.builder("vatic.ws.resume").tag("result", "hit")
                .description("subscribe with since: history covered it (hit) or not (miss)").register(registry);
        resumeMisses = Counter.builder("vatic.ws.resume").tag("result", "miss")
                .description("subscribe with since: history covered it (hit) or not (miss)").register(registry);
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

    public void resume(boolean hit) {
        (hit ? resumeHits : resumeMisses).increment();
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
