package com.vaticprop.marketdata.publish;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.metrics.MarketDataMetrics;
import com.vaticprop.marketdata.quote.QuoteCache;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sink every feed source delivers to: checks each quote, publishes it to its instrument's tick topic (keyed by
 * instrument), keeps the latest quote per instrument for the Redis cache, and re-publishes quiet books the venue
 * still confirms ({@link #sweep()}, also tried on every confirmation) so that consumers can judge staleness from
 * {@code receivedTs} alone. A book nobody confirms is never re-published: stale must stay visibly stale.
 *
 * <p>Thread-safe: connectors call from their own threads; publication of one instrument happens under its book's
 * monitor, so the order of its records on Kafka is the order the pipeline accepted them.
 */
public final class PublishingPipeline implements TickSink {

    private static final Logger log = LoggerFactory.getLogger(PublishingPipeline.class);

    private final MarketDataProducer producer;
    private final QuoteCache cache;
    private final MarketDataMetrics metrics;
    private final StalenessPolicy staleness;
    private final Clock clock;
    private final Map<String, InstrumentBook> books = new ConcurrentHashMap<>();

    public PublishingPipeline(MarketDataProducer producer, QuoteCache cache, MarketDataMetrics metrics,
                              StalenessPolicy staleness, Clock clock) {
        this.producer = producer;
        this.cache = cache;
        this.metrics = metrics;
        this.staleness = staleness;
        this.clock = clock;
    }

    @Override
    public void tick(MarketTick tick) {
        Optional<TickRoute> route = TickRoute.of(tick.instrument());
        if (route.isEmpty()) {
            metrics.rejected(tick.venue(), QuoteValidator.Rejection.UNKNOWN_INSTRUMENT.tag());
            return;
        }
        QuoteValidator.Rejection rejection = QuoteValidator.check(tick, route.get().id().assetClass());
        if (rejection != null) {
            metrics.rejected(tick.venue(), rejection.tag());
            return;
        }
        InstrumentBook book = book(route.get());
        synchronized (book) { // one instrument's records reach Kafka and the cache in the order accepted
            book.accept(tick);
            send(route.get().topic(), tick, false);
            cache.quote(tick, book.confirmedAt(), true);
        }
    }

    @Override
    public void confirmed(String instrument, Instant receivedTs) {
        InstrumentBook book = books.get(instrument);
        if (book == null || receivedTs == null) {
            return; // nothing published yet: there is no quote a confirmation could keep fresh
        }
        synchronized (book) {
            book.confirm(receivedTs);
            if (!republishIfDue(book, clock.instant()) && book.published() != null) {
                cache.quote(book.published(), book.confirmedAt(), false); // the cache shows the newer confirmation
            }
        }
    }

    @Override
    public void resolution(MarketResolution resolution) {
        Optional<TickRoute> route = TickRoute.of(resolution.instrument());
        boolean voided = Boolean.TRUE.equals(resolution.voided());
        BigDecimal price = resolution.settlementPrice();
        if (route.isEmpty() || resolution.resolvedAt() == null
                || (!voided && (price == null || price.signum() < 0 || price.compareTo(BigDecimal.ONE) > 0))) {
            metrics.rejected(resolution.source(), "invalid-resolution");
            log.warn("resolution refused (instrument, time or settlement price invalid): {}", resolution);
            return;
        }
        InstrumentBook book = books.get(resolution.instrument());
        if (book != null) {
            book.resolved();
        }
        producer.send(Topic.MARKET_RESOLUTIONS, resolution.instrument(),
                EventEnvelope.of(EventType.MARKET_RESOLUTION, resolution.resolvedAt(), resolution),
                clock.instant());
        cached(() -> cache.resolution(resolution), "resolution");
    }

    @Override
    public void status(MarketStatusChanged status) {
        if (TickRoute.of(status.instrument()).isEmpty() || status.status() == null || status.at() == null) {
            metrics.rejected("unknown", "invalid-status");
            return;
        }
        producer.send(Topic.MARKET_STATUS, status.instrument(),
                EventEnvelope.of(EventType.MARKET_STATUS, status.at(), status), clock.instant());
        cached(() -> cache.status(status), "status");
    }

    /**
     * Statuses and resolutions are written to Redis at once (they are rare); a Redis outage must not reach the
     * connector that delivered them — Kafka has them, and the next one rewrites the cache.
     */
    private static void cached(Runnable write, String what) {
        try {
            write.run();
        } catch (RuntimeException e) {
            log.warn("market {} not written to Redis: {}", what, e.toString());
        }
    }

    /** Re-publishes every quiet, confirmed book that is due; returns how many it re-published. */
    public int sweep() {
        Instant now = clock.instant();
        int count = 0;
        for (InstrumentBook book : books.values()) {
            if (republishIfDue(book, now)) {
                count++;
            }
        }
        return count;
    }

    private boolean republishIfDue(InstrumentBook book, Instant now) {
        synchronized (book) {
            MarketTick again = book.republishDue(now);
            if (again == null) {
                return false;
            }
            send(book.route.topic(), again, true);
            cache.quote(again, book.confirmedAt(), false);
            return true;
        }
    }

    private void send(Topic topic, MarketTick tick, boolean isRepublish) {
        producer.sendEncoded(topic, tick.instrument(),
                TickEnvelopeWriter.write(TickEnvelopeWriter.newEventId(), tick), tick.receivedTs());
        metrics.published(topic, isRepublish);
    }

    private InstrumentBook book(TickRoute route) {
        InstrumentBook book = books.get(route.id().value());
        if (book != null) {
            return book;
        }
        return books.computeIfAbsent(route.id().value(), id -> {
            InstrumentBook created = new InstrumentBook(route, staleness.republishAfter(route.id().assetClass()),
                    staleness.bound(route.id().assetClass()));
            metrics.trackStaleness(id, () -> ageSeconds(created));
            return created;
        });
    }

    private double ageSeconds(InstrumentBook book) {
        Instant confirmed = book.confirmedAt();
        return confirmed == null ? Double.NaN : Duration.between(confirmed, clock.instant()).toMillis() / 1000.0;
    }

    /** How long the instrument's book has gone without a venue confirmation, if the pipeline has seen it. */
    public Optional<Duration> age(String instrument) {
        InstrumentBook book = books.get(instrument);
        return book == null || book.confirmedAt() == null ? Optional.empty()
                : Optional.of(Duration.between(book.confirmedAt(), clock.instant()));
    }

    public StalenessPolicy staleness() {
        return staleness;
    }
}
