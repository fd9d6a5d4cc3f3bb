package com.vaticprop.marketdata.replay;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;

import java.time.Clock;
import java.time.Instant;

/**
 * Records every sink call as a {@code normalized} frame before passing it on: a tape of exactly what reached the
 * pipeline, whatever the source. Replaying the tape through {@link NormalizedFrames} repeats the calls.
 */
public final class RecordingTickSink implements TickSink {

    private final TickSink delegate;
    private final FrameRecorder recorder;
    private final NormalizedFrames frames = new NormalizedFrames();
    private final Clock clock;

    public RecordingTickSink(TickSink delegate, FrameRecorder recorder, Clock clock) {
        this.delegate = delegate;
        this.recorder = recorder;
        this.clock = clock;
    }

    @Override
    public void tick(MarketTick tick) {
        recorder.record(NormalizedFrames.VENUE, tick.receivedTs() != null ? tick.receivedTs() : clock.instant(),
                frames.tick(tick));
        delegate.tick(tick);
    }

    @Override
    public void confirmed(String instrument, Instant receivedTs) {
        recorder.record(NormalizedFrames.VENUE, receivedTs, frames.confirmed(instrument, receivedTs));
        delegate.confirmed(instrument, receivedTs);
    }

    @Override
    public void resolution(MarketResolution resolution) {
        recorder.record(NormalizedFrames.VENUE, resolution.resolvedAt() != null ? resolution.resolvedAt()
                : clock.instant(), frames.resolution(resolution));
        delegate.resolution(resolution);
    }

    @Override
    public void status(MarketStatusChanged status) {
        recorder.record(NormalizedFrames.VENUE, status.at() != null ? status.at() : clock.instant(),
                frames.status(status));
        delegate.status(status);
    }
}
