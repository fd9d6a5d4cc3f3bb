package com.vaticprop.marketdata.feed;

import com.vaticprop.marketdata.metrics.MarketDataMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every feed source the service knows (each a bean) and which of them run ({@code MARKET_DATA_SOURCES}). Starts the
 * enabled ones with their own counting sink in front of the shared pipeline and stops them all on shutdown. A name
 * in {@code MARKET_DATA_SOURCES} that no source has stops the start-up: a typo must not silently leave the
 * platform without prices.
 */
public final class FeedSources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FeedSources.class);

    /** One source and whether this deployment runs it. */
    public record Entry(FeedSource source, boolean enabled) {
    }

    private final Map<String, FeedSource> all = new LinkedHashMap<>();
    private final Set<String> enabled;
    private final TickSink sink;
    private final MarketDataMetrics metrics;
    private final List<FeedSource> started = new ArrayList<>();

    public FeedSources(List<FeedSource> sources, Set<String> enabled, TickSink sink, MarketDataMetrics metrics) {
        for (FeedSource source : sources) {
            if (all.putIfAbsent(source.name(), source) != null) {
                throw new IllegalStateException("two feed sources are named " + source.name());
            }
        }
        Set<String> unknown = new TreeSet<>(enabled);
        unknown.removeAll(all.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("MARKET_DATA_SOURCES names unknown feed sources " + unknown
                    + "; known: " + new TreeSet<>(all.keySet()));
        }
        this.enabled = Set.copyOf(enabled);
        this.sink = sink;
        this.metrics = metrics;
    }

    public synchronized void start() {
        for (FeedSource source : all.values()) {
            if (enabled.contains(source.name()) && !started.contains(source)) {
                source.start(new SourceSink(source.name(), sink, metrics));
                started.add(source);
                metrics.bindSourceStatus(source.name(), source::status);
                log.info("feed source {} started", source.name());
            }
        }
        if (started.isEmpty()) {
            log.warn("no feed source enabled (MARKET_DATA_SOURCES): this instance publishes no prices");
        }
    }

    /** Registers meters for counters sources added since start (their status grows new counters over time). */
    public void refreshMetrics() {
        for (FeedSource source : List.copyOf(started)) {
            metrics.bindSourceStatus(source.name(), source::status);
        }
    }

    public List<Entry> entries() {
        return all.values().stream().map(s -> new Entry(s, enabled.contains(s.name()))).toList();
    }

    @Override
    public synchronized void close() {
        for (FeedSource source : started) {
            try {
                source.stop();
            } catch (RuntimeException e) {
                log.warn("feed source {} did not stop cleanly: {}", source.name(), e.toString());
            }
        }
        started.clear();
    }
}
