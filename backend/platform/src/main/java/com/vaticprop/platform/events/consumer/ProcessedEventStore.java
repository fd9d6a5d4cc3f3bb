package com.vaticprop.platform.events.consumer;

import java.util.UUID;

/**
 * What a consumer with side effects remembers to turn at-least-once delivery into exactly-once effect: the event ids
 * it has handled, and, for ordered per-assessment streams, the last {@code seq} it applied.
 */
public interface ProcessedEventStore {

    /** Records that {@code consumer} handles {@code eventId}; false when it already had. */
    boolean markProcessed(String consumer, UUID eventId);

    /** Forgets a mark whose handling failed, so that the redelivery is handled. */
    void unmark(String consumer, UUID eventId);

    /** The highest seq applied for the assessment, 0 when none. */
    long lastAppliedSeq(String consumer, UUID assessmentId);

    /** Moves the cursor forward to {@code seq}; never moves it back. */
    void advanceSeq(String consumer, UUID assessmentId, long seq);
}
