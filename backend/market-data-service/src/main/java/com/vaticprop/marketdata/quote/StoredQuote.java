package com.vaticprop.marketdata.quote;

import com.vaticprop.platform.events.data.MarketTick;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * A quote as the cache holds it: the last published tick and when the venue last confirmed that book (which can be
 * later than the tick's {@code receivedTs} between two re-publications).
 */
public record StoredQuote(MarketTick tick, Instant confirmedAt) {

    Map<String, String> toHash() {
        Map<String, String> h = new HashMap<>();
        h.put("instrument", tick.instrument());
        h.put("venue", tick.venue());
        h.put("bid", tick.bid().toPlainString());
        h.put("ask", tick.ask().toPlainString());
        put(h, "bidSize", tick.bidSize());
        put(h, "askSize", tick.askSize());
        put(h, "last", tick.last());
        put(h, "lastSize", tick.lastSize());
        h.put("venueTs", tick.venueTs().toString());
        h.put("receivedTs", tick.receivedTs().toString());
        if (tick.venueSeq() != null) {
            h.put("venueSeq", tick.venueSeq().toString());
        }
        h.put("confirmedAt", confirmedAt.toString());
        return h;
    }

    private static void put(Map<String, String> h, String field, BigDecimal value) {
        if (value != null) {
            h.put(field, value.toPlainString());
        }
    }

    /** Reads a hash written by {@link #toHash()}; null when it is absent or expired (empty). */
    static StoredQuote fromHash(Map<String, String> h) {
        if (h == null || h.isEmpty() || !h.containsKey("bid")) {
            return null;
        }
        MarketTick tick = new MarketTick(h.get("instrument"), h.get("venue"), decimal(h.get("bid")),
                decimal(h.get("ask")), decimal(h.get("bidSize")), decimal(h.get("askSize")), decimal(h.get("last")),
                decimal(h.get("lastSize")), Instant.parse(h.get("venueTs")), Instant.parse(h.get("receivedTs")),
                h.get("venueSeq") == null ? null : Long.valueOf(h.get("venueSeq")));
        return new StoredQuote(tick, Instant.parse(h.get("confirmedAt")));
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }
}
