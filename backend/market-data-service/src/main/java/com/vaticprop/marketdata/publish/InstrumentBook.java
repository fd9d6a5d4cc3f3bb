package com.vaticprop.marketdata.publish;

import com.vaticprop.platform.events.data.MarketTick;

import java.time.Duration;
import java.time.Instant;

/**
 * What the pipeline remembers of one instrument: the last quote it published, when that went out (its
 * {@code receivedTs}), and when the venue last confirmed the book. The gap between the last two is what quiet-book
 * re-publishing closes. Guarded by its own monitor: a connector thread and the sweeper both touch it.
 */
final class InstrumentBook {

    final TickRoute route;
    private final Duration republishAfter;
    private final Duration bound;
    private MarketTick published;
    private Instant confirmedAt;
    private boolean resolved;

    InstrumentBook(TickRoute route, Duration republishAfter, Duration bound) {
        this.route = route;
        this.republishAfter = republishAfter;
        this.bound = bound;
    }

    /** A new quote from the venue: it is published as is and confirms the book at its own {@code receivedTs}. */
    synchronized void accept(MarketTick tick) {
        published = tick;
        resolved = false;
        if (confirmedAt == null || tick.receivedTs().isAfter(confirmedAt)) {
            confirmedAt = tick.receivedTs();
        }
    }

    /** The venue confirmed the book unchanged at {@code at}; an older confirmation than the latest is ignored. */
    synchronized void confirm(Instant at) {
        if (confirmedAt == null || at.isAfter(confirmedAt)) {
            confirmedAt = at;
        }
    }

    synchronized void resolved() {
        resolved = true;
    }

    /**
     * The unchanged quote stamped with the book's last confirmation, when one is due at {@code now}: the book was
     * confirmed after the last publication, and that publication is at least {@code republishAfter} old. Null
     * otherwise — in particular for a book nobody confirmed, which must be allowed to go stale, and for a
     * confirmation that is itself older than the staleness bound (the quote would arrive stale). The returned tick
     * becomes the last published one.
     */
    synchronized MarketTick republishDue(Instant now) {
        if (published == null || resolved || !confirmedAt.isAfter(published.receivedTs())
                || Duration.between(published.receivedTs(), now).compareTo(republishAfter) < 0
                || Duration.between(confirmedAt, now).compareTo(bound) >= 0) {
            return null;
        }
        MarketTick p = published;
        published = new MarketTick(p.instrument(), p.venue(), p.bid(), p.ask(), p.bidSize(), p.askSize(), p.last(),
                p.lastSize(), p.venueTs(), confirmedAt, p.venueSeq());
        return published;
    }

    synchronized MarketTick published() {
        return published;
    }

    synchronized Instant confirmedAt() {
        return confirmedAt;
    }
}
