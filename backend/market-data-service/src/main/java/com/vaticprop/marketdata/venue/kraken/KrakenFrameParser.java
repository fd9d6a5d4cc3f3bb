package com.vaticprop.marketdata.venue.kraken;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.JsonScanner;
import com.vaticprop.marketdata.venue.QuoteGuard;
import com.vaticprop.marketdata.venue.JsonScanner.Token;
import com.vaticprop.marketdata.venue.VenueFrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kraken WS v2 {@code ticker} (snapshot and update; each data entry carries the full top of book and last trade) and
 * {@code heartbeat}. Kraken sends prices as JSON numbers, so they are read from their exact text (never through a
 * double) by the {@link JsonScanner}. The heartbeat is per connection, sent once a second while a subscription is
 * live: it confirms every instrument quoted on this connection so far (the ticker channel is silent on a quiet book).
 */
public final class KrakenFrameParser implements VenueFrameParser {
    public static final String VENUE = "kraken";
    static final Map<String, String> INSTRUMENTS = Map.of("BTC/USD", "BTC-USD", "ETH/USD", "ETH-USD",
            "SOL/USD", "SOL-USD");

    private final VenueCounters counters;
    private final JsonScanner scanner = new JsonScanner();
    private final Set<String> quoted = new LinkedHashSet<>();
    private final List<Entry> entries = new ArrayList<>();

    public KrakenFrameParser(VenueCounters counters) {
        this.counters = counters;
    }

    /** A new connection: nothing is quoted on it yet. */
    public void reset() {
        quoted.clear();
    }

    /** One {@code data[]} element. */
    private static final class Entry {
        String symbol;
        BigDecimal bid;
        BigDecimal bidQty;
        BigDecimal ask;
        BigDecimal askQty;
        BigDecimal last;
        String timestamp;
    }

    @Override
    public void parse(String frame, Instant receivedTs, TickSink sink) {
        String channel = null;
        String method = null;
        String success = null;
        entries.clear();
        try {
            JsonScanner p = scanner.reset(frame);
            if (p.next() != Token.START_OBJECT) {
                p.skipChildren();
                while (p.next() != Token.END) {
                    p.skipChildren();
                }
                counters.increment(VenueCounters.UNKNOWN_FRAMES);
                return;
            }
            while (p.next() == Token.NAME) {
                boolean isChannel = p.is("channel");
                boolean isMethod = p.is("method");
                boolean isSuccess = p.is("success");
                boolean isData = p.is("data");
                Token value = p.next();
                if (isData && value == Token.START_ARRAY) {
                    readEntries(p);
                } else if (value == Token.START_OBJECT || value == Token.START_ARRAY) {
                    p.skipChildren();
                } else if (isChannel) {
                    channel = p.string();
                } else if (isMethod) {
                    method = p.string();
                } else if (isSuccess) {
                    success = p.string();
                }
            }
            p.next();
        } catch (RuntimeException e) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        if (method != null) {
            counters.increment("false".equals(success) ? VenueCounters.VENUE_ERRORS : "acks");
        } else if ("heartbeat".equals(channel)) {
            quoted.forEach(instrument -> sink.confirmed(instrument, receivedTs));
        } else if ("ticker".equals(channel)) {
            entries.forEach(entry -> tickerOrCounted(entry, receivedTs, sink));
        } else if ("status".equals(channel)) {
            counters.increment("ignored");
        } else {
            counters.increment(VenueCounters.UNKNOWN_FRAMES);
        }
    }

    /** One entry's failure (a timestamp that is no instant) is counted and leaves the frame's other entries. */
    private void tickerOrCounted(Entry entry, Instant receivedTs, TickSink sink) {
        try {
            ticker(entry, receivedTs, sink);
        } catch (RuntimeException e) {
            counters.increment(VenueCounters.PARSE_ERRORS);
        }
    }

    private void readEntries(JsonScanner p) {
        while (p.next() == Token.START_OBJECT) {
            Entry entry = new Entry();
            while (p.next() == Token.NAME) {
                String name = p.string();
                Token value = p.next();
                if (value == Token.START_OBJECT || value == Token.START_ARRAY) {
                    p.skipChildren();
                    continue;
                }
                switch (name) {
                    case "symbol" -> entry.symbol = p.string();
                    case "bid" -> entry.bid = number(p, value);
                    case "bid_qty" -> entry.bidQty = number(p, value);
                    case "ask" -> entry.ask = number(p, value);
                    case "ask_qty" -> entry.askQty = number(p, value);
                    case "last" -> entry.last = number(p, value);
                    case "timestamp" -> entry.timestamp = p.string();
                    default -> {
                    }
                }
            }
            entries.add(entry);
        }
        if (p.token() != Token.END_ARRAY) {
            throw new IllegalArgumentException("data entries must be objects");
        }
    }

    private static BigDecimal number(JsonScanner p, Token value) {
        return value == Token.NUMBER || value == Token.STRING ? p.decimal() : null;
    }

    private void ticker(Entry entry, Instant receivedTs, TickSink sink) {
        String instrument = entry.symbol == null ? null : INSTRUMENTS.get(entry.symbol);
        if (instrument == null) {
            counters.increment(VenueCounters.UNKNOWN_FRAMES);
            return;
        }
        if (entry.bid == null || entry.ask == null || entry.bidQty == null || entry.askQty == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        if (entry.bid.signum() <= 0 || entry.ask.signum() <= 0 || entry.bid.compareTo(entry.ask) > 0) {
            counters.increment(VenueCounters.OUT_OF_RANGE);
            return;
        }
        Instant venueTs = entry.timestamp == null ? receivedTs : Instant.parse(entry.timestamp);
        MarketTick tick = new MarketTick(instrument, VENUE, entry.bid, entry.ask, entry.bidQty, entry.askQty,
                entry.last, null, venueTs, receivedTs, null);
        if (QuoteGuard.publishable(tick, counters)) {
            quoted.add(instrument);
            sink.tick(tick);
        }
    }
}
