package com.vaticprop.marketdata.replay;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a recording (JSONL): which venue's format the frame is in, when it was received, and the frame as
 * the venue sent it (text, unmodified).
 */
public record RecordedFrame(String venue, Instant receivedTs, String frame) {

    public RecordedFrame {
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(receivedTs, "receivedTs");
        Objects.requireNonNull(frame, "frame");
    }
}
