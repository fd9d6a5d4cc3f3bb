package com.vaticprop.marketdata.venue.kalshi;

import com.vaticprop.marketdata.venue.Json;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The commands we send Kalshi, each with a fresh id: the two subscriptions (order books, tickers) for the followed
 * markets, and the unsubscribe + subscribe pair that replaces an order-book subscription whose sequence broke
 * (Kalshi answers a new subscription with fresh snapshots).
 */
public final class KalshiCommands {
    public static final String ORDERBOOK = "orderbook_delta";
    public static final String TICKER = "ticker";

    private final List<String> tickers;
    private final AtomicLong ids = new AtomicLong();

    public KalshiCommands(List<String> tickers) {
        this.tickers = List.copyOf(tickers);
    }

    public List<String> tickers() {
        return tickers;
    }

    public List<String> subscribeAll() {
        return List.of(subscribe(ORDERBOOK), subscribe(TICKER));
    }

    public List<String> resubscribeOrderbook(long sid) {
        return List.of(Json.object("id", ids.incrementAndGet(), "cmd", "unsubscribe",
                "params", Map.of("sids", List.of(sid))), subscribe(ORDERBOOK));
    }

    private String subscribe(String channel) {
        return Json.object("id", ids.incrementAndGet(), "cmd", "subscribe", "params", params(channel));
    }

    private Map<String, Object> params(String channel) {
        Map<String, Object> params = new java.util.LinkedHashMap<>();
        params.put("channels", List.of(channel));
        params.put("market_tickers", tickers);
        return params;
    }
}
