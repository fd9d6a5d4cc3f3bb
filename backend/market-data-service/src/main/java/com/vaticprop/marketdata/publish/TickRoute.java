package com.vaticprop.marketdata.publish;

import com.vaticprop.platform.events.Topic;
import com.vaticprop.trading.instrument.InstrumentId;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where an instrument's ticks go: its parsed id (venue, asset class) and its tick topic. Parsing is a regex match,
 * so routes are cached per id string; only valid ids are cached, so junk ids cannot grow the cache.
 */
public record TickRoute(InstrumentId id, Topic topic) {

    private static final ConcurrentHashMap<String, TickRoute> CACHE = new ConcurrentHashMap<>();

    /** The route of a wire id, or empty when the id is not one of CONTRACTS.md's forms. */
    public static Optional<TickRoute> of(String instrument) {
        if (instrument == null) {
            return Optional.empty();
        }
        TickRoute cached = CACHE.get(instrument);
        if (cached != null) {
            return Optional.of(cached);
        }
        return InstrumentId.parse(instrument).map(id -> CACHE.computeIfAbsent(instrument,
                k -> new TickRoute(id, topicOf(id))));
    }

    private static Topic topicOf(InstrumentId id) {
        return switch (id.venue()) {
            case POLYMARKET -> Topic.POLYMARKET_TICKS;
            case KALSHI -> Topic.KALSHI_TICKS;
            case CRYPTO -> switch (id.value()) {
                case "BTC-USD" -> Topic.BTC_TICKS;
                case "ETH-USD" -> Topic.ETH_TICKS;
                case "SOL-USD" -> Topic.SOL_TICKS;
                default -> throw new IllegalArgumentException("no tick topic for " + id);
            };
        };
    }
}
