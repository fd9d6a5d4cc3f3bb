package com.vaticprop.marketdata.venue;

import com.vaticprop.marketdata.publish.QuoteValidator;
import com.vaticprop.marketdata.publish.TickRoute;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.platform.events.data.MarketTick;

import java.util.Optional;

/**
 * The pipeline's price bounds ({@link QuoteValidator}), applied by a connector before a quote leaves it. The pipeline
 * would drop the quote anyway, but not before the crypto failover counted it as a sign of life: a primary venue
 * sending negative sizes or a negative last price would keep the healthy secondary from taking over while every
 * quote it sent was refused. A refused quote counts as {@code outOfRange} (or {@code unknownFrames} for an
 * instrument id outside the contract) on the venue's own status.
 */
public final class QuoteGuard {

    private QuoteGuard() {
    }

    public static boolean publishable(MarketTick tick, VenueCounters counters) {
        Optional<TickRoute> route = TickRoute.of(tick.instrument());
        if (route.isEmpty()) {
            counters.increment(VenueCounters.UNKNOWN_FRAMES);
            return false;
        }
        if (QuoteValidator.check(tick, route.get().id().assetClass()) != null) {
            counters.increment(VenueCounters.OUT_OF_RANGE);
            return false;
        }
        return true;
    }
}
