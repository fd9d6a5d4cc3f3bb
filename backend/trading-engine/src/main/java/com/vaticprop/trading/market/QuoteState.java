package com.vaticprop.trading.market;

import com.vaticprop.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A {@link Quote} as plain data, for engine snapshots: the instrument as its wire id, the depth as plain levels.
 * Decimals are kept exactly (scale included), so a restored quote is {@code equals} to the original and fills that
 * store it as evidence compare equal too.
 *
 * @param depth {@code null} when the quote carried no depth (a present but empty book is not the same thing)
 */
public record QuoteState(String instrument, String venue, BigDecimal bid, BigDecimal ask, BigDecimal bidSize,
                         BigDecimal askSize, Instant venueTs, Instant receivedTs, Long venueSeq, DepthState depth) {

    /** A book's levels, best first, as the quote held them. */
    public record DepthState(List<LevelState> bids, List<LevelState> asks) {
        public DepthState {
            bids = bids == null ? List.of() : List.copyOf(bids);
            asks = asks == null ? List.of() : List.copyOf(asks);
        }
    }

    public record LevelState(BigDecimal price, BigDecimal size) {
    }

    public static QuoteState of(Quote q) {
        DepthState depth = q.depth() == null ? null : new DepthState(levels(q.depth().bids()),
                levels(q.depth().asks()));
        return new QuoteState(q.instrument().value(), q.venue(), q.bid(), q.ask(), q.bidSize(), q.askSize(),
                q.venueTs(), q.receivedTs(), q.venueSeq(), depth);
    }

    /** The quote back; throws {@link IllegalArgumentException} for an unknown id or a quote the engine refuses. */
    public Quote toQuote() {
        Depth d = depth == null ? null : new Depth(toLevels(depth.bids()), toLevels(depth.asks()));
        return new Quote(InstrumentId.of(instrument), venue, bid, ask, bidSize, askSize, venueTs, receivedTs,
                venueSeq, d);
    }

    private static List<LevelState> levels(List<Level> levels) {
        return levels.stream().map(l -> new LevelState(l.price(), l.size())).toList();
    }

    private static List<Level> toLevels(List<LevelState> levels) {
        return levels.stream().map(l -> new Level(l.price(), l.size())).toList();
    }
}
