package com.vaticprop.marketdata.venue.connection;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Records what a source delivers, so tests can assert on it (and wait for it). */
public final class RecordingSink implements TickSink {
    public final List<MarketTick> ticks = new CopyOnWriteArrayList<>();
    public final List<String> confirmations = new CopyOnWriteArrayList<>();
    public final List<MarketResolution> resolutions = new CopyOnWriteArrayList<>();
    public final List<MarketStatusChanged> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void tick(MarketTick tick) {
        ticks.add(tick);
    }

    @Override
    public void confirmed(String instrument, Instant receivedTs) {
        confirmations.add(instrument);
    }

    @Override
    public void resolution(MarketResolution resolution) {
        resolutions.add(resolution);
    }

    @Override
    public void status(MarketStatusChanged status) {
        statuses.add(status);
    }

    public MarketTick last() {
        return ticks.getLast();
    }

    /** Waits until a tick matching the predicate arrives. */
    public MarketTick awaitTick(Predicate<MarketTick> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (MarketTick tick : ticks) {
                if (match.test(tick)) {
                    return tick;
                }
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no matching tick within " + timeout + "; got " + ticks);
    }

    public static void await(java.util.function.BooleanSupplier condition, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("condition not met within " + timeout);
    }
}
