package com.vaticprop.marketdata.venue.binance;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.venue.Json;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.connection.VenueProtocol;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Binance spot on the combined-stream endpoint ({@code /stream}): one {@code SUBSCRIBE} per batch of streams, each
 * with a fresh id. Keepalive is the server's ping frame every 20 s, answered by the client with a pong echoing the
 * payload; Binance does not want application pings, so there is none. Binance allows 5 incoming messages per second
 * per connection (the connection's rate limit is set below that) and 1024 streams per connection.
 */
public final class BinanceProtocol implements VenueProtocol {
    /** Streams per SUBSCRIBE message; keeps each message small and well under the per-connection stream cap. */
    static final int STREAMS_PER_MESSAGE = 50;

    private final List<String> streams;
    private final BinanceFrameParser parser;
    private final AtomicLong ids = new AtomicLong();

    public BinanceProtocol(List<String> instruments, VenueCounters counters) {
        this.streams = BinanceSymbols.streams(instruments);
        if (streams.size() > 1024) {
            throw new IllegalArgumentException("Binance allows 1024 streams per connection");
        }
        this.parser = new BinanceFrameParser(counters);
    }

    @Override
    public List<String> subscribeMessages() {
        List<String> messages = new ArrayList<>();
        for (int from = 0; from < streams.size(); from += STREAMS_PER_MESSAGE) {
            List<String> batch = streams.subList(from, Math.min(streams.size(), from + STREAMS_PER_MESSAGE));
            messages.add(Json.object("method", "SUBSCRIBE", "params", batch, "id", ids.incrementAndGet()));
        }
        return messages;
    }

    @Override
    public void onText(String frame, Instant receivedTs, TickSink sink) {
        parser.parse(frame, receivedTs, sink);
    }
}
