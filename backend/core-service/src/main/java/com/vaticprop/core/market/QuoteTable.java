package com.vaticprop.core.market;

import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * This replica's view of the market: the latest quote, status and resolution of every instrument, fed from Kafka by
 * {@link MarketFeed}. It is the single source of prices for fills and marks in core-service. Staleness is not judged
 * here but by the trading engine against each quote's {@code receivedTs}, so a quote that stops updating simply
 * becomes stale and orders on it are rejected (fail closed).
 */
public final class QuoteTable {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(QuoteTable.class);

    /** Notified after each accepted change (the risk monitor re-marks the accounts holding the instrument). */
    public interface Listener {
        default void onQuote(Quote quote) {
        }

        default void onStatus(InstrumentId instrument, MarketStatus status, Instant at) {
        }

        /** {@code price} null = voided. */
        default void onResolution(InstrumentId instrument, BigDecimal price, Instant at) {
        }
    }

    public record Resolution(BigDecimal price, Instant at) {
    }

    private final Map<String, Quote> quotes = new ConcurrentHashMap<>();
    private final Map<String, MarketStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Resolution> resolutions = new ConcurrentHashMap<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final TickHistory history;

    public QuoteTable() {
        this(new TickHistory(java.time.Duration.ofMinutes(2), 5_000));
    }

    public QuoteTable(TickHistory history) {
        this.history = history;
    }

    /** The recent ticks of every venue, kept or not (breach evidence). */
    public TickHistory history() {
        return history;
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Keeps the quote unless an equal or newer one (by {@code receivedTs}) is already held; true if kept. */
    public boolean put(Quote quote) {
        history.record(quote);
        boolean[] kept = {false};
        quotes.compute(quote.instrument().value(), (k, old) -> {
            if (old != null && !quote.receivedTs().isAfter(old.receivedTs())) {
                return old;
            }
            kept[0] = true;
            return quote;
        });
        if (kept[0]) {
            notify(l -> l.onQuote(quote));
        }
        return kept[0];
    }

    public void putStatus(InstrumentId instrument, MarketStatus status, Instant at) {
        statuses.put(instrument.value(), status);
        notify(l -> l.onStatus(instrument, status, at));
    }

    public void putResolution(InstrumentId instrument, BigDecimal price, Instant at) {
        resolutions.put(instrument.value(), new Resolution(price, at));
        statuses.put(instrument.value(), MarketStatus.RESOLVED);
        notify(l -> l.onResolution(instrument, price, at));
    }

    /** A failing listener is logged and skipped; it never stops the table or the other listeners. */
    private void notify(java.util.function.Consumer<Listener> call) {
        for (Listener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                log.warn("quote listener {} failed", l.getClass().getSimpleName(), e);
            }
        }
    }

    public Optional<Quote> quote(String instrument) {
        return Optional.ofNullable(quotes.get(instrument));
    }

    /** OPEN unless the venue said otherwise (crypto pairs never close). */
    public MarketStatus status(String instrument) {
        return statuses.getOrDefault(instrument, MarketStatus.OPEN);
    }

    /** Instruments whose status is not OPEN (halted, closed, resolved), with that status. */
    public Map<String, MarketStatus> nonOpenStatuses() {
        Map<String, MarketStatus> out = new java.util.HashMap<>();
        statuses.forEach((k, v) -> {
            if (v != MarketStatus.OPEN) {
                out.put(k, v);
            }
        });
        return out;
    }

    public Optional<Resolution> resolution(String instrument) {
        return Optional.ofNullable(resolutions.get(instrument));
    }

    public java.util.Collection<Quote> all() {
        return java.util.List.copyOf(quotes.values());
    }

    public int size() {
        return quotes.size();
    }
}
