package com.vaticprop.marketdata.metrics;

import com.vaticprop.marketdata.feed.FeedStatus;
import com.vaticprop.platform.events.Topic;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The service's Micrometer meters (Prometheus names in README.md). Meters on the hot path are created once and
 * looked up by enum or small map, so a tick costs a few increments, not a registry lookup.
 */
public final class MarketDataMetrics implements PublishObserver {

    private final MeterRegistry registry;
    private final Map<Topic, Counter> published = new ConcurrentHashMap<>();
    private final Map<Topic, Counter> republished = new ConcurrentHashMap<>();
    private final Map<Topic, Counter> failures = new ConcurrentHashMap<>();
    private final Map<Topic, Timer> latency = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Set<String> staleness = ConcurrentHashMap.newKeySet();
    private final Set<String> sourceCounters = ConcurrentHashMap.newKeySet();

    public MarketDataMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** A counter of one kind of message a source delivered ({@code marketdata_source_messages_total}). */
    public Counter sourceMessages(String source, String kind) {
        return Counter.builder("marketdata.source.messages").description("messages a feed source delivered")
                .tag("source", source).tag("kind", kind).register(registry);
    }

    public void published(Topic topic, boolean isRepublish) {
        (isRepublish ? republished : published).computeIfAbsent(topic, t -> Counter.builder(
                        isRepublish ? "marketdata.ticks.republished" : "marketdata.ticks.published")
                .description(isRepublish ? "unchanged quotes re-published with a fresh receivedTs"
                        : "ticks handed to Kafka")
                .tag("topic", t.topicName()).register(registry)).increment();
    }

    public void rejected(String venue, String reason) {
        String v = venue == null ? "unknown" : venue;
        rejected.computeIfAbsent(v + '|' + reason, k -> Counter.builder("marketdata.ticks.rejected")
                .description("ticks dropped as impossible quotes (crossed, out of range, unknown instrument)")
                .tag("venue", v).tag("reason", reason).register(registry)).increment();
    }

    public double rejectedCount(String venue, String reason) {
        Counter c = rejected.get(venue + '|' + reason);
        return c == null ? 0 : c.count();
    }

    @Override
    public void acknowledged(Topic topic, long latencyNanos) {
        latency.computeIfAbsent(topic, t -> Timer.builder("marketdata.publish.latency")
                .description("venue frame received → record acknowledged by Kafka")
                .tag("topic", t.topicName())
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(registry)).record(latencyNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void publishFailed(Topic topic) {
        failures.computeIfAbsent(topic, t -> Counter.builder("marketdata.publish.failures")
                .description("records Kafka refused or that could not be sent")
                .tag("topic", t.topicName()).register(registry)).increment();
    }

    /** Registers, once per instrument, the gauge of how long ago its book was last confirmed, in seconds. */
    public void trackStaleness(String instrument, Supplier<Double> ageSeconds) {
        if (staleness.add(instrument)) {
            Gauge.builder("marketdata.quote.staleness", ageSeconds).description(
                            "seconds since the venue last confirmed the instrument's book").baseUnit("seconds")
                    .tag("instrument", instrument).register(registry);
        }
    }

    /**
     * Exposes a source's own counters (reconnects, and whatever its status reports: parse errors, gaps, outliers …)
     * as {@code marketdata_source_events_total{source, event}}, read from its status at scrape time.
     */
    public void bindSourceStatus(String source, Supplier<FeedStatus> status) {
        bindSourceCounter(source, "reconnects", s -> status.get().reconnects());
        FeedStatus now = status.get();
        if (now != null && now.counters() != null) {
            for (String key : now.counters().keySet()) {
                bindSourceCounter(source, key, s -> {
                    FeedStatus current = status.get();
                    Long value = current == null || current.counters() == null ? null : current.counters().get(key);
                    return value == null ? 0 : value;
                });
            }
        }
    }

    private void bindSourceCounter(String source, String event, ToDoubleFunction<String> value) {
        if (sourceCounters.add(source + '|' + event)) {
            FunctionCounter.builder("marketdata.source.events", source, value)
                    .description("a feed source's own counters: reconnects, parse errors, gaps, dropped outliers …")
                    .tag("source", source).tag("event", event).register(registry);
        }
    }
}
