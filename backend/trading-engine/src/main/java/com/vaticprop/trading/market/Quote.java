package com.vaticprop.trading.market;

import com.vaticprop.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Top of book for one instrument as market-data published it; every fill and breach stores the quote it used, so
 * this record is also dispute evidence. {@code receivedTs} is the engine's clock for the quote (staleness, fill
 * delay); {@code venueTs} is kept for evidence.
 *
 * @param depth optional deeper book; when present, market orders walk it
 */
public record Quote(InstrumentId instrument, String venue, BigDecimal bid, BigDecimal ask, BigDecimal bidSize,
                    BigDecimal askSize, Instant venueTs, Instant receivedTs, Long venueSeq, Depth depth) {
    public Quote {
        Objects.requireNonNull(instrument, "instrument");
        Objects.requireNonNull(bid, "bid");
        Objects.requireNonNull(ask, "ask");
        Objects.requireNonNull(bidSize, "bidSize");
        Objects.requireNonNull(askSize, "askSize");
        Objects.requireNonNull(receivedTs, "receivedTs");
        if (instrument.assetClass() == com.vaticprop.trading.instrument.AssetClass.PREDICTION_MARKET
                && (bid.signum() < 0 || ask.compareTo(java.math.BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("outcome shares are priced within [0, 1]: " + instrument + " "
                    + bid + "/" + ask);
        }
        if (bid.compareTo(ask) > 0) {
            throw new IllegalArgumentException("crossed quote for " + instrument + ": bid " + bid + " > ask " + ask);
        }
    }

    /** A top-of-book quote without depth, stamped with one instant for venue and receipt. */
    public static Quote top(InstrumentId instrument, String bid, String ask, String bidSize, String askSize,
                            Instant at) {
        return new Quote(instrument, instrument.venue().name().toLowerCase(), new BigDecimal(bid),
                new BigDecimal(ask), new BigDecimal(bidSize), new BigDecimal(askSize), at, at, null, null);
    }

    public Optional<Depth> book() {
        return Optional.ofNullable(depth);
    }

    public BigDecimal mid() {
        return bid.add(ask).divide(BigDecimal.TWO);
    }

    public Quote receivedAt(Instant at) {
        return new Quote(instrument, venue, bid, ask, bidSize, askSize, venueTs, at, venueSeq, depth);
    }
}
