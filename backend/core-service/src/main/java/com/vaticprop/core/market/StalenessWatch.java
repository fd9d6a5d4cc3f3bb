package com.vaticprop.core.market;

import com.vaticprop.core.events.DirectPublisher;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.MonitoringDegraded;
import com.vaticprop.trading.instrument.AssetClass;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.Quote;
import com.vaticprop.trading.market.StalenessPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Raises {@code rules.monitoring-degraded} when an instrument's latest quote grows older than its staleness bound —
 * from then on no order on it fills and its marks cannot be trusted — and announces the recovery when a fresh quote
 * arrives. One event per instrument and change (keyed by instrument), not one per assessment. Every replica sees the
 * same quotes and may announce the same change; consumers treat these as latest-wins.
 */
public final class StalenessWatch {

    private static final Logger log = LoggerFactory.getLogger(StalenessWatch.class);

    private final QuoteTable quotes;
    private final DirectPublisher publisher;
    private final StalenessPolicy policy;
    private final Clock clock;
    private final Map<String, Instant> degradedSince = new ConcurrentHashMap<>();

    public StalenessWatch(QuoteTable quotes, DirectPublisher publisher, StalenessPolicy policy, Clock clock) {
        this.quotes = quotes;
        this.publisher = publisher;
        this.policy = policy;
        this.clock = clock;
    }

    public void check() {
        Instant now = clock.instant();
        for (Quote q : quotes.all()) {
            String instrument = q.instrument().value();
            Duration bound = bound(q.instrument());
            boolean stale = q.receivedTs().plus(bound).isBefore(now);
            Instant since = degradedSince.get(instrument);
            if (stale && since == null) {
                Instant from = q.receivedTs().plus(bound);
                degradedSince.put(instrument, from);
                publish(new MonitoringDegraded(instrument, "no quote for " + bound.toSeconds() + " s", from, null),
                        now);
                log.warn("monitoring degraded: {} has no fresh quote since {}", instrument, q.receivedTs());
            } else if (!stale && since != null) {
                degradedSince.remove(instrument);
                publish(new MonitoringDegraded(instrument, "fresh quotes again", since, true), now);
                log.info("monitoring recovered: {}", instrument);
            }
        }
    }

    public boolean degraded(String instrument) {
        return degradedSince.containsKey(instrument);
    }

    private Duration bound(InstrumentId id) {
        return id.assetClass() == AssetClass.CRYPTO ? policy.crypto() : policy.predictionMarkets();
    }

    private void publish(MonitoringDegraded data, Instant now) {
        publisher.send(Topic.MONITORING_DEGRADED.topicName(), data.instrument(),
                EventEnvelope.of(EventType.MONITORING_DEGRADED, now, data));
    }
}
