package com.vaticprop.marketdata.feed;

import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;

import java.time.Instant;

/**
 * Where every feed source (venue connector, simulator, replay) delivers what it normalised. Sources know nothing of
 * Kafka or Redis; the publishing pipeline behind this interface does (topics, latest-quote cache, quiet-book
 * re-publishing, metrics). Implementations are thread-safe: each connector calls from its own I/O thread.
 */
public interface TickSink {

    /** A normalised top-of-book quote (instrument id in the CONTRACTS.md wire form). */
    void tick(MarketTick tick);

    /**
     * The venue confirmed the instrument's book without changing it (a heartbeat of a live subscription, a message
     * that left the top of book as it was). The pipeline re-publishes the unchanged quote with a fresh
     * {@code receivedTs} at least every half staleness bound, so consumers judge staleness from ticks alone.
     */
    void confirmed(String instrument, Instant receivedTs);

    /** A prediction market resolved (settlement price in [0,1]) or was voided. */
    void resolution(MarketResolution resolution);

    /** A market opened, closed or halted. */
    void status(MarketStatusChanged status);
}
