package com.vaticprop.marketdata.venue.polymarket;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/** The outcome tokens followed: configured ones plus those discovered from configured condition ids. */
public final class PolymarketAssets {
    private final Set<String> ids = new CopyOnWriteArraySet<>();

    public PolymarketAssets(Collection<String> configured) {
        ids.addAll(configured);
    }

    public void add(String tokenId) {
        if (tokenId != null && !tokenId.isBlank()) {
            ids.add(tokenId);
        }
    }

    public Set<String> ids() {
        return ids;
    }

    public List<String> list() {
        return List.copyOf(ids);
    }
}
