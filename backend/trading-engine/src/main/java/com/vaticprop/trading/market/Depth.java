package com.vaticprop.trading.market;

import java.util.Comparator;
import java.util.List;

/**
 * Book depth beyond the top of book, used to walk the book for market orders. Levels are sorted here (best first)
 * rather than trusted, because venues' array order is not guaranteed (shared/reference, Polymarket book notes).
 */
public record Depth(List<Level> bids, List<Level> asks) {
    public Depth {
        bids = bids.stream().filter(l -> l.size().signum() > 0)
                .sorted(Comparator.comparing(Level::price).reversed()).toList();
        asks = asks.stream().filter(l -> l.size().signum() > 0)
                .sorted(Comparator.comparing(Level::price)).toList();
    }
}
