package com.vaticprop.marketdata.replay;

/**
 * A source that can record the frames it receives in its venue's own wire format (the single-venue connectors), so a
 * captured session replays through exactly the parser that ran live ({@code VenueReplayParsers} registers those
 * parsers with {@link ReplayFeed}). The service itself records normalized ticks ({@code MARKET_DATA_RECORD_FILE}):
 * those capture every source, including the crypto failover whose choices depend on timing.
 */
public interface RawFrameSource {

    /** From now on, every frame received is also handed to {@code recorder} (venue name, receive time, text). */
    void recordTo(FrameRecorder recorder);
}
