package com.vaticprop.marketdata.replay;

import com.vaticprop.marketdata.feed.TickSink;

import java.time.Instant;

/**
 * Turns one frame of a venue's wire format into sink calls. Connectors implement it for their venue (and use it on
 * their live stream too), so a recorded session replays through exactly the parsing code that ran live; the replay
 * source picks the parser by the recorded frame's {@link #venue()}. Register an implementation as a bean to make
 * its venue replayable.
 */
public interface FrameParser {

    /** The venue name recorded with each frame, e.g. {@code binance}, {@code kalshi}, {@code normalized}. */
    String venue();

    /**
     * Parses {@code frame} as received at {@code receivedTs} and delivers what it means to {@code sink}. Throws on a
     * frame it cannot parse; the caller counts it as a parse error and goes on with the next frame.
     */
    void parse(String frame, Instant receivedTs, TickSink sink);
}
