package com.vaticprop.marketdata.venue.binance;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.JsonScanner;
import com.vaticprop.marketdata.venue.VenueDecimal;
import com.vaticprop.marketdata.venue.VenueFrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;

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
 * counted as a gap. Read with the {@link JsonScanner}: this is the hottest path of the service.
 */
public final class BinanceFrameParser implements VenueFrameParser {
    public static final String VENUE = "binance";

    private final VenueCounters counters;
    private final Map<String, InstrumentState> states = new HashMap<>();
    private final Fields fields = new Fields();
    private final JsonScanner scanner = new JsonScanner();

    public BinanceFrameParser(VenueCounters counters) {
        this.counters = counters;
    }

    @Override
    public void parse(String frame, Instant receivedTs, TickSink sink) {
        fields.clear();
        try {
            JsonScanner p = scanner.reset(frame);
            if (p.next() != JsonScanner.Token.START_OBJECT) {
                p.skipChildren();
                while (p.next() != JsonScanner.Token.END) {
                    p.skipChildren();
                }
                counters.increment(VenueCounters.UNKNOWN_FRAMES);
                return;
            }
            readObject(p, true);
            p.next();
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

    private void readObject(JsonScanner p, boolean top) {
        while (p.next() == JsonScanner.Token.NAME) {
            boolean data = top && p.is("data");
            boolean error = top && p.is("error");
            int field = top ? topField(p) : 0;
            if (field == 0) {
                field = payloadField(p);
            }
            JsonScanner.Token value = p.next();
            if (value == JsonScanner.Token.START_OBJECT) {
                if (data) {
                    fields.wrapped = true;
                    readObject(p, false);
                } else {
                    fields.error |= error;
                    p.skipChildren();
                }
                continue;
            }
            if (value == JsonScanner.Token.START_ARRAY) {
                p.skipChildren();
                continue;
            }
            if (field != 0) {
                fields.set(field, p.string());
            }
        }
    }

    /** Names read only at the top level: the wrapper's and the command response's. */
    private static int topField(JsonScanner p) {
        if (p.is("id")) {
            return Fields.ID;
        }
        if (p.is("code")) {
            return Fields.CODE;
        }
        return 0;
    }

    private static int payloadField(JsonScanner p) {
        if (p.is("e")) {
            return Fields.E;
        } else if (p.is("E")) {
            return Fields.BIG_E;
        } else if (p.is("s")) {
            return Fields.S;
        } else if (p.is("t")) {
            return Fields.T;
        } else if (p.is("p")) {
            return Fields.P;
        } else if (p.is("q")) {
            return Fields.Q;
        } else if (p.is("T")) {
            return Fields.BIG_T;
        } else if (p.is("u")) {
            return Fields.U;
        } else if (p.is("b")) {
            return Fields.B;
        } else if (p.is("B")) {
            return Fields.BIG_B;
        } else if (p.is("a")) {
            return Fields.A;
        } else if (p.is("A")) {
            return Fields.BIG_A;
        }
        return 0;
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
        BigDecimal price = VenueDecimal.parse(fields.p);
        BigDecimal qty = VenueDecimal.parse(fields.q);
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
        BigDecimal bid = VenueDecimal.parse(fields.b);
        BigDecimal ask = VenueDecimal.parse(fields.a);
        BigDecimal bidSize = VenueDecimal.parse(fields.bigB);
        BigDecimal askSize = VenueDecimal.parse(fields.bigA);
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

        static final int ID = 1;
        static final int CODE = 2;
        static final int E = 3;
        static final int BIG_E = 4;
        static final int S = 5;
        static final int T = 6;
        static final int P = 7;
        static final int Q = 8;
        static final int BIG_T = 9;
        static final int U = 10;
        static final int B = 11;
        static final int BIG_B = 12;
        static final int A = 13;
        static final int BIG_A = 14;

        void clear() {
            wrapped = false;
            error = false;
            id = code = e = bigE = s = t = p = q = bigT = u = b = bigB = a = bigA = null;
        }

        void set(int field, String text) {
            switch (field) {
                case ID -> id = text;
                case CODE -> code = text;
                case E -> e = text;
                case BIG_E -> bigE = text;
                case S -> s = text;
                case T -> t = text;
                case P -> p = text;
                case Q -> q = text;
                case BIG_T -> bigT = text;
                case U -> u = text;
                case B -> b = text;
                case BIG_B -> bigB = text;
                case A -> a = text;
                case BIG_A -> bigA = text;
                default -> {
                }
            }
        }
    }
}
