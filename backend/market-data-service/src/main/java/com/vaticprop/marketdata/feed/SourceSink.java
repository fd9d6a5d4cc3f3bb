package com.vaticprop.marketdata.feed;

import com.vaticprop.marketdata.metrics.MarketDataMetrics;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import io.micrometer.core.instrument.Counter;

import java.time.Instant;

/**
 * The sink one source is given: counts what that source delivers ({@code marketdata_source_messages_total}, whose
 * rate is the per-source messages/s) before handing it to the shared pipeline. Sources stay unaware of metrics.
 */
final class SourceSink implements TickSink {

    private final TickSink delegate;
    private final Counter ticks;
    private final Counter confirmations;
    private final Counter resolutions;
    private final Counter statuses;

    SourceSink(String source, TickSink delegate, MarketDataMetrics metrics) {
        this.delegate = delegate;
        this.ticks = metrics.sourceMessages(source, "tick");
        this.confirmations = metrics.sourceMessages(source, "confirmed");
        this.resolutions = metrics.sourceMessages(source, "resolution");
        this.statuses = metrics.sourceMessages(source, "status");
    }

    @Override
    public void tick(MarketTick tick) {
        ticks.increment();
        delegate.tick(tick);
    }

    @Override
    public void confirmed(String instrument, Instant receivedTs) {
        confirmations.increment();
        delegate.confirmed(instrument, receivedTs);
    }

    @Override
    public void resolution(MarketResolution resolution) {
        resolutions.increment();
        delegate.resolution(resolution);
    }

    @Override
    public void status(MarketStatusChanged status) {
        statuses.increment();
        delegate.status(status);
    }
}
