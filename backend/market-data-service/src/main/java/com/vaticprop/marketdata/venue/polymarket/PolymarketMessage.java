package com.vaticprop.marketdata.venue.polymarket;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one market-channel event, read in one streaming pass whatever the event type (the type may come
 * last, as in {@code price_change}). Reused across events to keep the hot path free of tree allocations.
 */
final class PolymarketMessage {
    String eventType;
    String assetId;
    String timestamp;
    String price;
    String size;
    String side;
    String bestBid;
    String bestAsk;
    String newTickSize;
    String winningAssetId;
    boolean legacyChanges;
    final List<String[]> bids = new ArrayList<>();
    final List<String[]> asks = new ArrayList<>();
    final List<Change> priceChanges = new ArrayList<>();
    final List<String> assetsIds = new ArrayList<>();
    boolean hasPriceChanges;

    /** One entry of {@code price_changes[]}. */
    record Change(String assetId, String price, String size, String side, String bestBid, String bestAsk) {
    }

    void clear() {
        eventType = assetId = timestamp = price = size = side = bestBid = bestAsk = null;
        newTickSize = winningAssetId = null;
        legacyChanges = false;
        hasPriceChanges = false;
        bids.clear();
        asks.clear();
        priceChanges.clear();
        assetsIds.clear();
    }

    /** Reads the object the parser is positioned at (after START_OBJECT) up to its END_OBJECT. */
    void read(JsonParser p) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            if (token == JsonToken.START_ARRAY) {
                switch (name) {
                    case "bids" -> levels(p, bids);
                    case "asks" -> levels(p, asks);
                    case "price_changes" -> {
                        hasPriceChanges = true;
                        changes(p);
                    }
                    case "changes" -> {
                        legacyChanges = true;
                        p.skipChildren();
                    }
                    case "assets_ids" -> strings(p, assetsIds);
                    default -> p.skipChildren();
                }
                continue;
            }
            if (token == JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            // only wanted values are materialised: skipping a string (hash, market, description) is far cheaper
            switch (name) {
                case "event_type" -> eventType = text(p, token);
                case "asset_id" -> assetId = text(p, token);
                case "timestamp" -> timestamp = text(p, token);
                case "price" -> price = text(p, token);
                case "size" -> size = text(p, token);
                case "side" -> side = text(p, token);
                case "best_bid" -> bestBid = text(p, token);
                case "best_ask" -> bestAsk = text(p, token);
                case "new_tick_size" -> newTickSize = text(p, token);
                case "winning_asset_id" -> winningAssetId = text(p, token);
                default -> {
                }
            }
        }
    }

    private static void levels(JsonParser p, List<String[]> into) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String levelPrice = null;
            String levelSize = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                if (token.isStructStart()) {
                    p.skipChildren();
                } else if ("price".equals(name)) {
                    levelPrice = p.getString();
                } else if ("size".equals(name)) {
                    levelSize = p.getString();
                }
            }
            if (levelPrice == null || levelSize == null) {
                throw new IllegalArgumentException("book level without price or size");
            }
            into.add(new String[]{levelPrice, levelSize});
        }
    }

    private void changes(JsonParser p) {
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String a = null;
            String pr = null;
            String sz = null;
            String sd = null;
            String bb = null;
            String ba = null;
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken token = p.nextToken();
                if (token.isStructStart()) {
                    p.skipChildren();
                    continue;
                }
                switch (name) {
                    case "asset_id" -> a = text(p, token);
                    case "price" -> pr = text(p, token);
                    case "size" -> sz = text(p, token);
                    case "side" -> sd = text(p, token);
                    case "best_bid" -> bb = text(p, token);
                    case "best_ask" -> ba = text(p, token);
                    default -> {
                    }
                }
            }
            priceChanges.add(new Change(a, pr, sz, sd, bb, ba));
        }
    }

    private static String text(JsonParser p, JsonToken token) {
        return token == JsonToken.VALUE_NULL ? null : p.getString();
    }

    private static void strings(JsonParser p, List<String> into) {
        while (p.nextToken() == JsonToken.VALUE_STRING) {
            into.add(p.getString());
        }
    }
}
