package com.vaticprop.marketdata.replay;

import java.time.Instant;

/**
 * Where connectors (and the normalized recorder) write the frames they receive, for replay later. Implementations
 * are thread-safe; recording must never break the live stream, so they do not throw.
 */
public interface FrameRecorder extends AutoCloseable {

    void record(String venue, Instant receivedTs, String frame);

    @Override
    void close();
}
