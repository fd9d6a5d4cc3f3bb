package com.vaticprop.core.market;

import com.vaticprop.trading.market.Quote;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every tick this replica received in the last {@code retention}, per instrument and from every venue — also those the
 * quote table did not keep (older than the one it holds) — so that a breach can be stored with the quotes around it:
 * an operator who suspects a bad tick sees it next to what the other venues and the following ticks said. Bounded
 * per instrument, so a flood cannot grow the heap.
 */
public final class TickHistory {

    private final Duration retention;
    private final int maxPerInstrument;
    private final Map<String, Deque<Quote>> ticks = new ConcurrentHashMap<>();

    public TickHistory(Duration retention, int maxPerInstrument) {
        this.retention = retention;
        this.maxPerInstrument = maxPerInstrument;
    }

    void record(Quote quote) {
        Deque<Quote> q = ticks.computeIfAbsent(quote.instrument().value(), k -> new ArrayDeque<>());
        synchronized (q) {
            q.addLast(quote);
            Instant horizon = quote.receivedTs().minus(retention);
            while (q.size() > maxPerInstrument || (!q.isEmpty() && q.peekFirst().receivedTs().isBefore(horizon))) {
                q.removeFirst();
            }
        }
    }

    /** The instrument's ticks received in {@code [from, to]}, in arrival order. */
    public List<Quote> between(String instrument, Instant from, Instant to) {
        Deque<Quote> q = ticks.get(instrument);
        if (q == null) {
            return List.of();
        }
        List<Quote> out = new ArrayList<>();
        synchronized (q) {
            for (Quote t : q) {
                if (!t.receivedTs().isBefore(from) && !t.receivedTs().isAfter(to)) {
                    out.add(t);
                }
            }
        }
        return out;
    }
}
