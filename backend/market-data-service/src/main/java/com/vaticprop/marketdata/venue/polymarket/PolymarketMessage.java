package com.vaticprop.marketdata.venue.polymarket;

import com.vaticprop.marketdata.venue.JsonScanner;
import com.vaticprop.marketdata.venue.JsonScanner.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one market-channel event, read in one pass of the {@link JsonScanner} whatever the event type (the type may come
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

    /** Reads the object the scanner is positioned at (after START_OBJECT) up to its END_OBJECT. */
    void read(JsonScanner p) {
        while (p.next() == Token.NAME) {
            if (p.is("bids")) {
                levels(p, bids);
            } else if (p.is("asks")) {
                levels(p, asks);
            } else if (p.is("price_changes")) {
                hasPriceChanges = changes(p);
            } else if (p.is("changes")) {
                legacyChanges = true;
                p.next();
                p.skipChildren();
            } else if (p.is("assets_ids")) {
                strings(p, assetsIds);
            } else {
                scalar(p);
            }
        }
    }

    /** Only wanted values become Strings; anything else (hash, market, nested objects) is skipped in place. */
    private void scalar(JsonScanner p) {
        int field = field(p);
        Token value = p.next();
        if (value == Token.START_OBJECT || value == Token.START_ARRAY) {
            p.skipChildren();
            return;
        }
        switch (field) {
            case 1 -> eventType = p.string();
            case 2 -> assetId = p.string();
            case 3 -> timestamp = p.string();
            case 4 -> price = p.string();
            case 5 -> size = p.string();
            case 6 -> side = p.string();
            case 7 -> bestBid = p.string();
            case 8 -> bestAsk = p.string();
            case 9 -> newTickSize = p.string();
            case 10 -> winningAssetId = p.string();
            default -> {
            }
        }
    }

    private static int field(JsonScanner p) {
        if (p.is("event_type")) {
            return 1;
        } else if (p.is("asset_id")) {
            return 2;
        } else if (p.is("timestamp")) {
            return 3;
        } else if (p.is("price")) {
            return 4;
        } else if (p.is("size")) {
            return 5;
        } else if (p.is("side")) {
            return 6;
        } else if (p.is("best_bid")) {
            return 7;
        } else if (p.is("best_ask")) {
            return 8;
        } else if (p.is("new_tick_size")) {
            return 9;
        } else if (p.is("winning_asset_id")) {
            return 10;
        }
        return 0;
    }

    private static void levels(JsonScanner p, List<String[]> into) {
        if (p.next() != Token.START_ARRAY) {
            p.skipChildren();
            throw new IllegalArgumentException("book side is not an array");
        }
        while (p.next() == Token.START_OBJECT) {
            String levelPrice = null;
            String levelSize = null;
            while (p.next() == Token.NAME) {
                boolean isPrice = p.is("price");
                boolean isSize = p.is("size");
                Token value = p.next();
                if (value == Token.START_OBJECT || value == Token.START_ARRAY) {
                    p.skipChildren();
                } else if (isPrice) {
                    levelPrice = p.string();
                } else if (isSize) {
                    levelSize = p.string();
                }
            }
            if (levelPrice == null || levelSize == null) {
                throw new IllegalArgumentException("book level without price or size");
            }
            into.add(new String[]{levelPrice, levelSize});
        }
        if (p.token() != Token.END_ARRAY) {
            throw new IllegalArgumentException("book level is not an object");
        }
    }

    private boolean changes(JsonScanner p) {
        if (p.next() != Token.START_ARRAY) {
            p.skipChildren();
            return false;
        }
        while (p.next() == Token.START_OBJECT) {
            String a = null;
            String pr = null;
            String sz = null;
            String sd = null;
            String bb = null;
            String ba = null;
            while (p.next() == Token.NAME) {
                int field = field(p);
                Token value = p.next();
                if (value == Token.START_OBJECT || value == Token.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                switch (field) {
                    case 2 -> a = p.string();
                    case 4 -> pr = p.string();
                    case 5 -> sz = p.string();
                    case 6 -> sd = p.string();
                    case 7 -> bb = p.string();
                    case 8 -> ba = p.string();
                    default -> {
                    }
                }
            }
            priceChanges.add(new Change(a, pr, sz, sd, bb, ba));
        }
        if (p.token() != Token.END_ARRAY) {
            throw new IllegalArgumentException("price change is not an object");
        }
        return true;
    }

    private static void strings(JsonScanner p, List<String> into) {
        if (p.next() != Token.START_ARRAY) {
            p.skipChildren();
            return;
        }
        while (p.next() == Token.STRING) {
            into.add(p.string());
        }
        if (p.token() != Token.END_ARRAY) {
            throw new IllegalArgumentException("asset id is not a string");
        }
    }
}
