package com.vaticprop.marketdata.venue.coinbase;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.Json;
import com.vaticprop.marketdata.venue.QuoteGuard;
import com.vaticprop.marketdata.venue.VenueFrameParser;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.trading.instrument.InstrumentId;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Coinbase Exchange {@code ticker} and {@code heartbeat} frames. Coinbase's product ids are already the platform's
 * (BTC-USD, true USD). A ticker carries the whole top of book and the last trade, so each one is a tick; its
 * {@code sequence} is the product's feed sequence, which skips numbers between tickers by design, so only a
 * sequence that goes backwards is counted (out-of-order) and dropped. A heartbeat confirms the product's book.
 */
public final class CoinbaseFrameParser implements VenueFrameParser {
    public static final String VENUE = "coinbase";

    private final VenueCounters counters;
    private final Map<String, Long> sequences = new HashMap<>();

    public CoinbaseFrameParser(VenueCounters counters) {
        this.counters = counters;
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
        if (type == null) {
            counters.increment(VenueCounters.UNKNOWN_FRAMES);
            return;
        }
        try {
            switch (type) {
                case "ticker" -> ticker(node, receivedTs, sink);
                case "heartbeat" -> heartbeat(node, receivedTs, sink);
                case "subscriptions" -> counters.increment("acks");
                case "error" -> counters.increment(VenueCounters.VENUE_ERRORS);
                default -> counters.increment(VenueCounters.UNKNOWN_FRAMES);
            }
        } catch (RuntimeException e) {
            counters.increment(VenueCounters.PARSE_ERRORS);
        }
    }

    private void ticker(JsonNode node, Instant receivedTs, TickSink sink) {
        String product = Json.text(node, "product_id");
        if (product == null || !InstrumentId.CRYPTO_SYMBOLS.contains(product)) {
            counters.increment(VenueCounters.UNKNOWN_FRAMES);
            return;
        }
        BigDecimal bid = Json.decimal(Json.text(node, "best_bid"));
        BigDecimal ask = Json.decimal(Json.text(node, "best_ask"));
        BigDecimal bidSize = Json.decimal(Json.text(node, "best_bid_size"));
        BigDecimal askSize = Json.decimal(Json.text(node, "best_ask_size"));
        if (bid == null || ask == null || bidSize == null || askSize == null) {
            counters.increment(VenueCounters.PARSE_ERRORS);
            return;
        }
        if (bid.signum() <= 0 || ask.signum() <= 0 || bid.compareTo(ask) > 0) {
            counters.increment(VenueCounters.OUT_OF_RANGE);
            return;
        }
        String seqText = Json.text(node, "sequence");
        Long sequence = seqText == null ? null : Long.parseLong(seqText);
        if (sequence != null) {
            Long previous = sequences.get(product);
            if (previous != null && sequence <= previous) {
                counters.increment(VenueCounters.OUT_OF_ORDER);
                return;
            }
            sequences.put(product, sequence);
        }
        String time = Json.text(node, "time");
        MarketTick tick = new MarketTick(product, VENUE, bid, ask, bidSize, askSize,
                Json.decimal(Json.text(node, "price")), Json.decimal(Json.text(node, "last_size")),
                time == null ? receivedTs : Instant.parse(time), receivedTs, sequence);
        if (QuoteGuard.publishable(tick, counters)) {
            sink.tick(tick);
        }
    }

    private void heartbeat(JsonNode node, Instant receivedTs, TickSink sink) {
        String product = Json.text(node, "product_id");
        if (product != null && InstrumentId.CRYPTO_SYMBOLS.contains(product)) {
            sink.confirmed(product, receivedTs);
        }
    }
}
