package com.vaticprop.marketdata.venue.polymarket;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.publish.TickRoute;
import com.vaticprop.marketdata.venue.Json;
import com.vaticprop.marketdata.venue.JsonScanner;
import com.vaticprop.marketdata.venue.QuoteGuard;
import com.vaticprop.marketdata.venue.VenueControl;
import com.vaticprop.marketdata.venue.VenueDecimal;
import com.vaticprop.marketdata.venue.VenueFrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Polymarket CLOB market channel: {@code book} snapshots, {@code price_change} level updates (the schema since
 * 2025-09-15 with {@code price_changes[]}), {@code last_trade_price}, {@code tick_size_change}, {@code best_bid_ask}
 * and {@code market_resolved}. A book is kept per outcome token and the quote is its top.
 *
 * <p>The channel has no sequence numbers, but every {@code price_change} entry and every {@code best_bid_ask} event
 * states the venue's best bid and ask: when our derived top disagrees, updates were lost, so the book is dropped,
 * the disagreement counted as a gap and the connection restarted for fresh snapshots. The legacy schema (one
 * {@code asset_id} with {@code changes[]}) has no per-change asset and is counted and skipped, never applied to a
 * book. Prices outside [0, 1] reject the whole event.
 */
public final class PolymarketFrameParser implements VenueFrameParser {
    public static final String VENUE = "polymarket";
    public static final String BOOK_MISMATCH = "bookMismatch";
    public static final String CHANGE_WITHOUT_BOOK = "changeWithoutBook";

    private final VenueCounters counters;
    private final Map<String, PolymarketBook> books = new HashMap<>();
    private final Map<String, BigDecimal> tickSizes = new HashMap<>();
    private final PolymarketMessage message = new PolymarketMessage();
    private final JsonScanner scanner = new JsonScanner();
    /** Tokens changed by the current message, reused (one tick per token per message). */
    private final List<String> touched = new ArrayList<>(4);
    private VenueControl control = VenueControl.NONE;

    public PolymarketFrameParser(VenueCounters counters) {
        this.counters = counters;
    }

    /** The live connection to ask for a resync; a replay leaves {@link VenueControl#NONE}. */
    public void control(VenueControl venueControl) {
        this.control = venueControl;
    }

    /** Forgets all books (a new connection sends fresh snapshots). */
    public void reset() {
        books.clear();
    }

    /** The minimum tick the venue last announced for the token, if any. */
    public BigDecimal tickSize(String assetId) {
        return tickSizes.get(assetId);
    }

    @Override
    public void parse(String frame, Instant receivedTs, TickSink sink) {
        if ("PONG".equals(frame)) {
            counters.increment("pongs");
            return;
        }
        try {
            JsonScanner p = scanner.reset(frame);
            JsonScanner.Token first = p.next();
            if (first == JsonScanner.Token.START_OBJECT) {
                one(p, receivedTs, sink);
            } else if (first == JsonScanner.Token.START_ARRAY) {
                while (p.next() == JsonScanner.Token.START_OBJECT) {
                    one(p, receivedTs, sink);
                }
                if (p.token() != JsonScanner.Token.END_ARRAY) {
                    throw new IllegalArgumentException("array of events expected");
                }
            } else {
                counters.increment(VenueCounters.UNKNOWN_FRAMES);
                return;
            }
            p.next();
        } catch (RuntimeException e) {
            counters.increment(VenueCounters.PARSE_ERRORS);
        }
    }

    private void one(JsonScanner p, Instant receivedTs, TickSink sink) {
        message.clear();
        message.read(p);
        String type = message.eventType;
        if (type == null) {
            counters.increment(VenueCounters.UNKNOWN_FRAMES);
            return;
        }
        switch (type) {
            case "book" -> book(receivedTs, sink);
            case "price_change" -> priceChange(receivedTs, sink);
            case "last_trade_price" -> lastTrade(receivedTs, sink);
            case "tick_size_change" -> tickSize(receivedTs, sink);
            case "best_bid_ask" -> bestBidAsk(receivedTs, sink);
            case "market_resolved" -> resolved(sink);
            case "new_market" -> counters.increment("ignored");
            default -> counters.increment(VenueCounters.UNKNOWN_FRAMES);
        }
    }

    private void book(Instant receivedTs, TickSink sink) {
        if (message.assetId == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        PolymarketBook fresh = new PolymarketBook(instrument(message.assetId));
        for (String[] level : message.bids) {
            BigDecimal price = price(level[0]);
            if (price == null) {
                return;
            }
            fresh.bids.set(price, VenueDecimal.parse(level[1]));
        }
        for (String[] level : message.asks) {
            BigDecimal price = price(level[0]);
            if (price == null) {
                return;
            }
            fresh.asks.set(price, VenueDecimal.parse(level[1]));
        }
        PolymarketBook old = books.put(message.assetId, fresh);
        if (old != null) {
            fresh.last = old.last;
            fresh.lastSize = old.lastSize;
            fresh.published = old.published;
        }
        publish(message.assetId, fresh, receivedTs, sink);
    }

    private void priceChange(Instant receivedTs, TickSink sink) {
        if (!message.hasPriceChanges) {
            counters.increment(message.legacyChanges ? VenueCounters.LEGACY_SCHEMA : VenueCounters.PARSE_ERRORS);
            return;
        }
        List<String> touched = this.touched;
        touched.clear();
        for (PolymarketMessage.Change change : message.priceChanges) {
            if (change.assetId() == null || change.price() == null || change.size() == null
                    || change.side() == null) {
                counters.increment(VenueCounters.PARSE_ERRORS);
                continue;
            }
            PolymarketBook book = books.get(change.assetId());
            if (book == null) {
                counters.increment(CHANGE_WITHOUT_BOOK);
                continue;
            }
            BigDecimal price = price(change.price());
            if (price == null) {
                continue;
            }
            BigDecimal size = VenueDecimal.parse(change.size());
            switch (change.side()) {
                case "BUY" -> book.bids.set(price, size);
                case "SELL" -> book.asks.set(price, size);
                default -> {
                    counters.increment(VenueCounters.PARSE_ERRORS);
                    continue;
                }
            }
            if (!agrees(book, change.bestBid(), change.bestAsk())) {
                desync(change.assetId());
                continue;
            }
            if (!touched.contains(change.assetId())) {
                touched.add(change.assetId());
            }
        }
        for (String assetId : touched) {
            PolymarketBook book = books.get(assetId);
            if (book != null) {
                publish(assetId, book, receivedTs, sink);
            }
        }
    }

    private void lastTrade(Instant receivedTs, TickSink sink) {
        PolymarketBook book = message.assetId == null ? null : books.get(message.assetId);
        if (message.price == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        BigDecimal price = price(message.price);
        if (price == null) {
            return;
        }
        if (book == null) {
            counters.increment(CHANGE_WITHOUT_BOOK);
            return;
        }
        book.last = price;
        book.lastSize = message.size == null ? null : VenueDecimal.parse(message.size);
        publish(message.assetId, book, receivedTs, sink);
    }

    private void tickSize(Instant receivedTs, TickSink sink) {
        if (message.assetId == null || message.newTickSize == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        tickSizes.put(message.assetId, VenueDecimal.parse(message.newTickSize));
        counters.increment("tickSizeChanges");
        if (books.containsKey(message.assetId)) {
            sink.confirmed(instrument(message.assetId), receivedTs);
        }
    }

    private void bestBidAsk(Instant receivedTs, TickSink sink) {
        PolymarketBook book = message.assetId == null ? null : books.get(message.assetId);
        if (book == null) {
            counters.increment(CHANGE_WITHOUT_BOOK);
            return;
        }
        if (!agrees(book, message.bestBid, message.bestAsk)) {
            desync(message.assetId);
            return;
        }
        sink.confirmed(instrument(message.assetId), receivedTs);
    }

    /**
     * Settles every outcome of the market: 1 for the winner, 0 for the others. A message whose winner is not one of
     * its outcomes (a garbled id) or that names an outcome no instrument id can carry is refused whole: settling
     * what is left would pay 0 on every outcome of the market.
     */
    private void resolved(TickSink sink) {
        if (message.winningAssetId == null || message.assetsIds.isEmpty()
                || !message.assetsIds.contains(message.winningAssetId)
                || !message.assetsIds.stream().allMatch(id -> TickRoute.of(instrument(id)).isPresent())) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        Instant at = Json.millis(message.timestamp);
        for (String assetId : message.assetsIds) {
            BigDecimal settlement = assetId.equals(message.winningAssetId) ? BigDecimal.ONE : BigDecimal.ZERO;
            sink.status(new MarketStatusChanged(instrument(assetId), MarketStatusChanged.Status.CLOSED, at));
            sink.resolution(new MarketResolution(instrument(assetId), settlement, false, at, VENUE));
            books.remove(assetId);
        }
    }

    /** Our top against the venue's stated best ("0"/"1" for an empty side); absent fields agree. */
    private static boolean agrees(PolymarketBook book, String bestBid, String bestAsk) {
        return (bestBid == null || VenueDecimal.parse(bestBid).compareTo(book.bid()) == 0)
                && (bestAsk == null || VenueDecimal.parse(bestAsk).compareTo(book.ask()) == 0);
    }

    private void desync(String assetId) {
        counters.increment(BOOK_MISMATCH);
        counters.increment(VenueCounters.GAPS);
        counters.increment(VenueCounters.RESYNCS);
        books.remove(assetId);
        control.reconnect("polymarket book for " + assetId + " out of sync with the venue's best bid/ask");
    }

    private void publish(String assetId, PolymarketBook book, Instant receivedTs, TickSink sink) {
        String instrument = book.instrument;
        if (!book.topChanged()) {
            sink.confirmed(instrument, receivedTs);
            return;
        }
        Instant venueTs = message.timestamp == null ? receivedTs : Json.millis(message.timestamp);
        MarketTick tick = new MarketTick(instrument, VENUE, book.bid(), book.ask(), book.bidSize(), book.askSize(),
                book.last, book.lastSize, venueTs, receivedTs, null);
        if (QuoteGuard.publishable(tick, counters)) {
            sink.tick(tick);
        }
    }

    /** A price in [0, 1], or null (counted) when it is outside. */
    private BigDecimal price(String text) {
        BigDecimal price = VenueDecimal.parse(text);
        if (price.signum() < 0 || price.compareTo(BigDecimal.ONE) > 0) {
            counters.increment(VenueCounters.OUT_OF_RANGE);
            return null;
        }
        return price;
    }

    static String instrument(String assetId) {
        return "POLY:" + assetId;
    }
}
