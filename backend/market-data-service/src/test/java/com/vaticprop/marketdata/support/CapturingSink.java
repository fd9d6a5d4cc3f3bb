package com.vaticprop.marketdata.support;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.replay.NormalizedFrames;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Keeps every sink call, and its serialized form (one normalized frame per line) for byte comparisons. */
public final class CapturingSink implements TickSink {

    public final List<MarketTick> ticks = new ArrayList<>();
    public final List<String> confirmations = new ArrayList<>();
    public final List<MarketResolution> resolutions = new ArrayList<>();
    public final List<MarketStatusChanged> statuses = new ArrayList<>();
    private final ByteArrayOutputStream serialized = new ByteArrayOutputStream();
    private final NormalizedFrames frames = new NormalizedFrames();

    @Override
    public synchronized void tick(MarketTick tick) {
        ticks.add(tick);
        write(frames.tick(tick));
    }

    @Override
    public synchronized void confirmed(String instrument, Instant receivedTs) {
        confirmations.add(instrument);
        write(frames.confirmed(instrument, receivedTs));
    }

    @Override
    public synchronized void resolution(MarketResolution resolution) {
        resolutions.add(resolution);
        write(frames.resolution(resolution));
    }

    @Override
    public synchronized void status(MarketStatusChanged status) {
        statuses.add(status);
        write(frames.status(status));
    }

    private void write(String line) {
        serialized.writeBytes(line.getBytes(StandardCharsets.UTF_8));
        serialized.write('\n');
    }

    public synchronized byte[] bytes() {
        return serialized.toByteArray();
    }
}
