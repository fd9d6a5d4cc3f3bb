package com.vaticprop.marketdata.venue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One side of an order book: price → resting size, best price first. Prices compare by value, so ".48" and "0.480"
 * are one level. A size of zero removes the level (how Polymarket and Kalshi report an emptied level).
 */
public final class PriceLevels {
    private final TreeMap<BigDecimal, BigDecimal> levels;

    private PriceLevels(Comparator<BigDecimal> order) {
        this.levels = new TreeMap<>(order);
    }

    /** Bids: highest price first. */
    public static PriceLevels bids() {
        return new PriceLevels(Comparator.reverseOrder());
    }

    /** Asks: lowest price first. */
    public static PriceLevels asks() {
        return new PriceLevels(Comparator.naturalOrder());
    }

    public void set(BigDecimal price, BigDecimal size) {
        if (size.signum() <= 0) {
            levels.remove(price);
        } else {
            levels.put(price, size);
        }
    }

    /** Adds a signed size change (Kalshi deltas); a level that reaches zero or below disappears. */
    public void add(BigDecimal price, BigDecimal delta) {
        set(price, levels.getOrDefault(price, BigDecimal.ZERO).add(delta));
    }

    public void clear() {
        levels.clear();
    }

    public boolean isEmpty() {
        return levels.isEmpty();
    }

    /** The best level, or null when the side is empty. */
    public Map.Entry<BigDecimal, BigDecimal> best() {
        return levels.firstEntry();
    }
}
