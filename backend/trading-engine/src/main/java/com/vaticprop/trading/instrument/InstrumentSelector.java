package com.vaticprop.trading.instrument;

import java.util.Optional;

/**
 * One entry of a tier's instrument allow-list: an exact id, or a whole venue ({@code POLY:*}, {@code KALSHI:*}),
 * because prediction markets appear faster than a tier could list them.
 */
public sealed interface InstrumentSelector {
    boolean allows(InstrumentId id);

    String wire();

    record Exact(InstrumentId id) implements InstrumentSelector {
        @Override
        public boolean allows(InstrumentId candidate) {
            return id.value().equals(candidate.value());
        }

        @Override
        public String wire() {
            return id.value();
        }
    }

    record AnyOfVenue(Venue venue) implements InstrumentSelector {
        @Override
        public boolean allows(InstrumentId candidate) {
            return candidate.venue() == venue;
        }

        @Override
        public String wire() {
            return venue == Venue.POLYMARKET ? "POLY:*" : "KALSHI:*";
        }
    }

    static Optional<InstrumentSelector> parse(String raw) {
        if ("POLY:*".equals(raw)) {
            return Optional.of(new AnyOfVenue(Venue.POLYMARKET));
        }
        if ("KALSHI:*".equals(raw)) {
            return Optional.of(new AnyOfVenue(Venue.KALSHI));
        }
        return InstrumentId.parse(raw).map(Exact::new);
    }
}
