package com.vaticprop.marketdata.venue;

import com.vaticprop.marketdata.feed.TickSink;

import java.time.Instant;

/**
 * Turns one venue text frame into normalised ticks. The same parser serves the live connector and a replay of
 * recorded frames (replay passes the recorded receive time), so everything a tick carries comes from the frame and
 * {@code receivedTs}, never from a clock. Parsers keep per-instrument state (books, last trade) and are driven by one
 * thread at a time.
 */
public interface VenueFrameParser {

    void parse(String frame, Instant receivedTs, TickSink sink);
}
