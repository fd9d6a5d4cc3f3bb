package com.vaticprop.marketdata.venue.binance;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.Json;
import com.vaticprop.marketdata.venue.VenueFrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Binance spot {@code <sym>@trade} and {@code <sym>@bookTicker} frames, wrapped ({@code {"stream","data"}}) or raw.
 *
 * <p>A quote needs both sides of the book, so ticks start with the first bookTicker of an instrument; a trade before
 * that only remembers the last price. Every tick carries the book's update id {@code u} as {@code venueSeq} (the
 * quote is what fills use as evidence) and the last trade. Spot bookTicker frames carry no timestamp, so a
 * bookTicker-driven tick has {@code venueTs} = its receive time; a trade-driven one has the trade time {@code T}.
 * Update ids and trade ids must increase: an older one is counted out-of-order and dropped, a skipped trade id is
 * counted as a gap. Read with the streaming parser: this is the hottest path of the service.
 */
public final class BinanceFrameParser implements VenueFrameParser {
    public static final String VENUE = "binance";

    private final VenueCounters counters;
    private final Map<String, InstrumentState> states = new HashMap<>();
    private final Fields fields = new Fields();

    public BinanceFrameParser(VenueCounters counters) {
        this.counters = counters;
    }

    @Override
    public void parse(String frame, Instant receivedTs, TickSink sink) {
        fields.clear();
        try (JsonParser p = Json.parser(frame)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                counters.increment(VenueCounters.UNKNOWN_FRAMES);
                return;
            }
            readObject(p, true);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("trailing content");
            }
        } catch (RuntimeException e) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        try {
            dispatch(receivedTs, sink);
        } catch (NumberFormatException e) {
            counters.increment(VenueCounters.PARSE_ERRORS);
        }
    }

    private void readObject(JsonParser p, boolean top) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (value == JsonToken.START_OBJECT) {
                if (top && "data".equals(name)) {
                    fields.wrapped = true;
                    readObject(p, false);
                } else {
                    if (top && "error".equals(name)) {
                        fields.error = true;
                    }
                    p.skipChildren();
                }
                continue;
            }
            if (value == JsonToken.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            String text = value == JsonToken.VALUE_NULL ? null : p.getString();
            if (top && fields.capture(name, text, true)) {
                continue;
            }
            fields.capture(name, text, false);
        }
    }

    private void dispatch(Instant receivedTs, TickSink sink) {
        if (fields.error || fields.code != null) {
            counters.increment(VenueCounters.VENUE_ERRORS);
            return;
        }
        if (fields.id != null && !fields.wrapped && fields.e == null && fields.u == null) {
            counters.increment("acks");
            return;
        }
        if ("trade".equals(fields.e)) {
            trade(receivedTs, sink);
        } else if (fields.e == null && fields.u != null) {
            bookTicker(receivedTs, sink);
        } else {
            counters.increment(VenueCounters.UNKNOWN_FRAMES);
        }
    }

    private void trade(Instant receivedTs, TickSink sink) {
        String instrument = BinanceSymbols.instrument(fields.s).orElse(null);
        if (instrument == null || fields.p == null || fields.q == null || fields.t == null) {
            counters.increment(instrument == null ? VenueCounters.UNKNOWN_FRAMES : VenueCounters.PARSE_ERRORS);
            return;
        }
        BigDecimal price = new BigDecimal(fields.p);
        BigDecimal qty = new BigDecimal(fields.q);
        long tradeId = Long.parseLong(fields.t);
        if (price.signum() <= 0 || qty.signum() < 0) {
            counters.increment(VenueCounters.OUT_OF_RANGE);
            return;
        }
        InstrumentState state = states.computeIfAbsent(instrument, k -> new InstrumentState());
        if (state.tradeId != null) {
            if (tradeId <= state.tradeId) {
                counters.increment(VenueCounters.OUT_OF_ORDER);
                return;
            }
            if (tradeId > state.tradeId + 1) {
                counters.increment(VenueCounters.GAPS);
            }
        }
        state.tradeId = tradeId;
        state.last = price;
        state.lastSize = qty;
        if (state.bid == null) {
            return;
        }
        Instant venueTs = fields.bigT != null ? Instant.ofEpochMilli(Long.parseLong(fields.bigT))
                : fields.bigE != null ? Instant.ofEpochMilli(Long.parseLong(fields.bigE)) : receivedTs;
        sink.tick(state.tick(instrument, venueTs, receivedTs));
    }

    private void bookTicker(Instant receivedTs, TickSink sink) {
        String instrument = BinanceSymbols.instrument(fields.s).orElse(null);
        if (instrument == null) {
            counters.increment(VenueCounters.UNKNOWN_FRAMES);
            return;
        }
        if (fields.b == null || fields.a == null || fields.bigB == null || fields.bigA == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        long updateId = Long.parseLong(fields.u);
        BigDecimal bid = new BigDecimal(fields.b);
        BigDecimal ask = new BigDecimal(fields.a);
        BigDecimal bidSize = new BigDecimal(fields.bigB);
        BigDecimal askSize = new BigDecimal(fields.bigA);
        if (bid.signum() <= 0 || ask.signum() <= 0 || bid.compareTo(ask) > 0
                || bidSize.signum() < 0 || askSize.signum() < 0) {
            counters.increment(VenueCounters.OUT_OF_RANGE);
            return;
        }
        InstrumentState state = states.computeIfAbsent(instrument, k -> new InstrumentState());
        if (state.updateId != null && updateId <= state.updateId) {
            counters.increment(VenueCounters.OUT_OF_ORDER);
            return;
        }
        state.updateId = updateId;
        state.bid = bid;
        state.ask = ask;
        state.bidSize = bidSize;
        state.askSize = askSize;
        sink.tick(state.tick(instrument, receivedTs, receivedTs));
    }

    /** Per instrument: the last book top and the last trade. */
    private static final class InstrumentState {
        Long updateId;
        Long tradeId;
        BigDecimal bid;
        BigDecimal ask;
        BigDecimal bidSize;
        BigDecimal askSize;
        BigDecimal last;
        BigDecimal lastSize;

        MarketTick tick(String instrument, Instant venueTs, Instant receivedTs) {
            return new MarketTick(instrument, VENUE, bid, ask, bidSize, askSize, last, lastSize, venueTs, receivedTs,
                    updateId);
        }
    }

    /**
     * The fields of one frame, reused across frames. Binance reuses letters across event types ({@code b}/{@code a}
     * are order ids in an old trade payload and prices in bookTicker), so values are kept as text and only read
     * once the event type is known.
     */
    private static final class Fields {
        boolean wrapped;
        boolean error;
        String id;
        String code;
        String e;
        String bigE;
        String s;
        String t;
        String p;
        String q;
        String bigT;
        String u;
        String b;
        String bigB;
        String a;
        String bigA;

        void clear() {
            wrapped = false;
            error = false;
            id = code = e = bigE = s = t = p = q = bigT = u = b = bigB = a = bigA = null;
        }

        /** Top-level-only names first (id, code, stream); payload names for the rest. */
        boolean capture(String name, String text, boolean topOnly) {
            if (topOnly) {
                switch (name) {
                    case "id" -> id = text;
                    case "code" -> code = text;
                    case "stream", "result", "msg" -> {
                    }
                    default -> {
                        return false;
                    }
                }
                return true;
            }
            switch (name) {
                case "e" -> e = text;
                case "E" -> bigE = text;
                case "s" -> s = text;
                case "t" -> t = text;
                case "p" -> p = text;
                case "q" -> q = text;
                case "T" -> bigT = text;
                case "u" -> u = text;
                case "b" -> b = text;
                case "B" -> bigB = text;
                case "a" -> a = text;
                case "A" -> bigA = text;
                default -> {
                }
            }
            return true;
        }
    }
}
