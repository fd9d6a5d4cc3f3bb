package com.vaticprop.marketdata.venue.kalshi;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.Json;
import com.vaticprop.marketdata.venue.PriceLevels;
import com.vaticprop.marketdata.venue.QuoteGuard;
import com.vaticprop.marketdata.venue.VenueControl;
import com.vaticprop.marketdata.venue.VenueDecimal;
import com.vaticprop.marketdata.venue.VenueFrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Kalshi WS v2: {@code orderbook_snapshot} / {@code orderbook_delta} build a bids-only book per market, published as
 * two instruments ({@code KALSHI:<ticker>:YES} and {@code :NO}); {@code ticker} adds the last trade (and quotes a
 * market we hold no book for from its own bid/ask fields).
 *
 * <p>Order-book messages carry a {@code seq} per subscription ({@code sid}) that must grow by exactly one. A delta
 * that skips (or repeats, or arrives before any snapshot) means the book can no longer be trusted: the gap is
 * counted, the books of that subscription are dropped, the old {@code sid} is retired and a fresh subscription is
 * requested, whose snapshots rebuild the books.
 *
 * <p>Fields: the current {@code *_dollars} prices and {@code *_fp} counts are preferred; the legacy integer-cent
 * fields ({@code price}, {@code yes_bid}, {@code delta}, snapshot {@code yes}/{@code no}) are still understood.
 * Prices outside [0, 1] reject the message.
 */
public final class KalshiFrameParser implements VenueFrameParser {
    public static final String VENUE = "kalshi";
    public static final String CROSSED = "crossedBook";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final VenueCounters counters;
    private final KalshiCommands commands;
    private final Map<String, KalshiBook> books = new HashMap<>();
    private final Map<String, Long> bookSid = new HashMap<>();
    private final Map<Long, Long> lastSeq = new HashMap<>();
    private final Set<Long> retired = new HashSet<>();
    private VenueControl control = VenueControl.NONE;

    /** {@code commands} may be null (replay): gaps are then counted but nothing is resubscribed. */
    public KalshiFrameParser(VenueCounters counters, KalshiCommands commands) {
        this.counters = counters;
        this.commands = commands;
    }

    public void control(VenueControl venueControl) {
        this.control = venueControl;
    }

    /** A new connection: subscriptions and books start over. */
    public void reset() {
        books.clear();
        bookSid.clear();
        lastSeq.clear();
        retired.clear();
    }

    @Override
    public void parse(String frame, Instant receivedTs, TickSink sink) {
        JsonNode node;
        try {
            node = Json.tree(frame);
        } catch (RuntimeException e) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        String type = Json.text(node, "type");
        if (type == null || !node.path("msg").isObject() && !"ok".equals(type)) {
            counters.increment(VenueCounters.UNKNOWN_FRAMES);
            return;
        }
        try {
            switch (type) {
                case "orderbook_snapshot" -> snapshot(node, receivedTs, sink);
                case "orderbook_delta" -> delta(node, receivedTs, sink);
                case "ticker" -> ticker(node, receivedTs, sink);
                case "subscribed", "unsubscribed", "ok" -> counters.increment("acks");
                case "error" -> counters.increment(VenueCounters.VENUE_ERRORS);
                case "market_lifecycle_v2" -> counters.increment("ignored");
                default -> counters.increment(VenueCounters.UNKNOWN_FRAMES);
            }
        } catch (RuntimeException e) {
            counters.increment(VenueCounters.PARSE_ERRORS);
        }
    }

    private void snapshot(JsonNode node, Instant receivedTs, TickSink sink) {
        long sid = node.path("sid").asLong();
        long seq = node.path("seq").asLong();
        JsonNode msg = node.path("msg");
        String ticker = Json.text(msg, "market_ticker");
        if (ticker == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        if (retired.contains(sid)) {
            counters.increment("staleSubscription");
            return;
        }
        Long previous = lastSeq.get(sid);
        if (previous != null && seq != previous + 1) {
            gap(sid);
            return;
        }
        KalshiBook book = new KalshiBook();
        if (!levels(msg, "yes", book.yes) || !levels(msg, "no", book.no)) {
            return;
        }
        lastSeq.put(sid, seq);
        KalshiBook old = books.put(ticker, book);
        if (old != null) {
            book.lastYes = old.lastYes;
            book.lastSize = old.lastSize;
            book.published = old.published;
        }
        bookSid.put(ticker, sid);
        publish(ticker, book, seq, receivedTs, receivedTs, sink);
    }

    private void delta(JsonNode node, Instant receivedTs, TickSink sink) {
        long sid = node.path("sid").asLong();
        long seq = node.path("seq").asLong();
        JsonNode msg = node.path("msg");
        if (retired.contains(sid)) {
            counters.increment("staleSubscription");
            return;
        }
        Long previous = lastSeq.get(sid);
        if (previous == null || seq != previous + 1) {
            if (previous != null && seq <= previous) {
                counters.increment(VenueCounters.OUT_OF_ORDER);
            }
            gap(sid);
            return;
        }
        lastSeq.put(sid, seq);
        String ticker = Json.text(msg, "market_ticker");
        KalshiBook book = ticker == null ? null : books.get(ticker);
        if (book == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        BigDecimal price = dollars(msg, "price_dollars", "price");
        BigDecimal delta = count(msg, "delta_fp", "delta");
        String side = Json.text(msg, "side");
        if (price == null || delta == null || side == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        if (!inRange(price)) {
            return;
        }
        switch (side) {
            case "yes" -> book.yes.add(price, delta);
            case "no" -> book.no.add(price, delta);
            default -> {
                counters.increment(VenueCounters.PARSE_ERRORS);
                return;
            }
        }
        String tsMs = Json.text(msg, "ts_ms");
        publish(ticker, book, seq, tsMs == null ? receivedTs : Json.millis(tsMs), receivedTs, sink);
    }

    private void ticker(JsonNode node, Instant receivedTs, TickSink sink) {
        JsonNode msg = node.path("msg");
        String ticker = Json.text(msg, "market_ticker");
        if (ticker == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        BigDecimal last = dollars(msg, "price_dollars", "price");
        BigDecimal lastSize = count(msg, "last_trade_size_fp", null);
        if (last != null && !inRange(last)) {
            return;
        }
        Instant venueTs = venueTime(msg, receivedTs);
        KalshiBook book = books.get(ticker);
        if (book != null) {
            if (last != null) {
                book.lastYes = last;
                book.lastSize = lastSize;
            }
            publish(ticker, book, null, venueTs, receivedTs, sink);
            return;
        }
        BigDecimal yesBid = dollars(msg, "yes_bid_dollars", "yes_bid");
        BigDecimal yesAsk = dollars(msg, "yes_ask_dollars", "yes_ask");
        if (yesAsk == null) {
            BigDecimal noBid = dollars(msg, "no_bid_dollars", "no_bid");
            yesAsk = noBid == null ? null : BigDecimal.ONE.subtract(noBid);
        }
        if (yesBid == null || yesAsk == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        if (!inRange(yesBid) || !inRange(yesAsk)) {
            return;
        }
        if (yesBid.compareTo(yesAsk) > 0) {
            counters.increment(CROSSED);
            return;
        }
        BigDecimal bidSize = orZero(count(msg, "yes_bid_size_fp", null));
        BigDecimal askSize = orZero(count(msg, "yes_ask_size_fp", null));
        BigDecimal noLast = last == null ? null : BigDecimal.ONE.subtract(last);
        emit(new MarketTick(instrument(ticker, "YES"), VENUE, yesBid, yesAsk, bidSize, askSize, last, lastSize,
                venueTs, receivedTs, null), new MarketTick(instrument(ticker, "NO"), VENUE,
                BigDecimal.ONE.subtract(yesAsk), BigDecimal.ONE.subtract(yesBid), askSize, bidSize, noLast, lastSize,
                venueTs, receivedTs, null), sink);
    }

    private void publish(String ticker, KalshiBook book, Long seq, Instant venueTs, Instant receivedTs,
                         TickSink sink) {
        BigDecimal yesBid = KalshiBook.price(book.yes);
        BigDecimal noBid = KalshiBook.price(book.no);
        if (yesBid.add(noBid).compareTo(BigDecimal.ONE) > 0) {
            counters.increment(CROSSED);
            return;
        }
        if (!book.topChanged()) {
            sink.confirmed(instrument(ticker, "YES"), receivedTs);
            sink.confirmed(instrument(ticker, "NO"), receivedTs);
            return;
        }
        BigDecimal yesBidSize = KalshiBook.size(book.yes);
        BigDecimal noBidSize = KalshiBook.size(book.no);
        BigDecimal noLast = book.lastYes == null ? null : BigDecimal.ONE.subtract(book.lastYes);
        emit(new MarketTick(instrument(ticker, "YES"), VENUE, yesBid, BigDecimal.ONE.subtract(noBid),
                yesBidSize, noBidSize, book.lastYes, book.lastSize, venueTs, receivedTs, seq),
                new MarketTick(instrument(ticker, "NO"), VENUE, noBid, BigDecimal.ONE.subtract(yesBid),
                        noBidSize, yesBidSize, noLast, book.lastSize, venueTs, receivedTs, seq), sink);
    }

    /** Both sides of a market or neither: a YES quote without its NO mirror would leave the two books disagreeing. */
    private void emit(MarketTick yes, MarketTick no, TickSink sink) {
        if (QuoteGuard.publishable(yes, counters) && QuoteGuard.publishable(no, counters)) {
            sink.tick(yes);
            sink.tick(no);
        }
    }

    private void gap(long sid) {
        counters.increment(VenueCounters.GAPS);
        counters.increment(VenueCounters.RESYNCS);
        retired.add(sid);
        lastSeq.remove(sid);
        bookSid.entrySet().removeIf(e -> {
            if (e.getValue() == sid) {
                books.remove(e.getKey());
                return true;
            }
            return false;
        });
        if (commands != null) {
            commands.resubscribeOrderbook(sid).forEach(control::send);
        }
    }

    /** Snapshot levels: current {@code <side>_dollars_fp} / {@code <side>_dollars}, or legacy cents {@code <side>}. */
    private boolean levels(JsonNode msg, String side, PriceLevels into) {
        JsonNode levels = msg.path(side + "_dollars_fp");
        boolean cents = false;
        if (!levels.isArray()) {
            levels = msg.path(side + "_dollars");
        }
        if (!levels.isArray()) {
            levels = msg.path(side);
            cents = true;
        }
        if (!levels.isArray()) {
            return true;
        }
        for (JsonNode level : levels) {
            BigDecimal price = VenueDecimal.parse(level.path(0).asString());
            if (cents) {
                price = price.divide(HUNDRED);
            }
            if (!inRange(price)) {
                return false;
            }
            into.set(price, VenueDecimal.parse(level.path(1).asString()));
        }
        return true;
    }

    /** A dollar price from the current field, else from the legacy cents field. */
    private static BigDecimal dollars(JsonNode msg, String dollarsField, String centsField) {
        BigDecimal value = Json.decimal(Json.text(msg, dollarsField));
        if (value != null || centsField == null) {
            return value;
        }
        BigDecimal cents = Json.decimal(Json.text(msg, centsField));
        return cents == null ? null : cents.divide(HUNDRED);
    }

    private static BigDecimal count(JsonNode msg, String fpField, String legacyField) {
        BigDecimal value = Json.decimal(Json.text(msg, fpField));
        return value != null || legacyField == null ? value : Json.decimal(Json.text(msg, legacyField));
    }

    private static Instant venueTime(JsonNode msg, Instant fallback) {
        String ms = Json.text(msg, "ts_ms");
        if (ms != null) {
            return Json.millis(ms);
        }
        String seconds = Json.text(msg, "ts");
        return seconds == null ? fallback : Instant.ofEpochSecond(Long.parseLong(seconds));
    }

    private boolean inRange(BigDecimal price) {
        if (price.signum() < 0 || price.compareTo(BigDecimal.ONE) > 0) {
            counters.increment(VenueCounters.OUT_OF_RANGE);
            return false;
        }
        return true;
    }

    private static BigDecimal orZero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    static String instrument(String ticker, String outcome) {
        return "KALSHI:" + ticker + ":" + outcome;
    }
}
