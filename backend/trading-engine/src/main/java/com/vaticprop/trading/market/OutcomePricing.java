package com.vaticprop.trading.market;

import com.vaticprop.trading.instrument.InstrumentId;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Derives one outcome's prices from the other's: a YES share and a NO share always pay 1 together, so buying NO at
 * {@code x} is selling YES at {@code 1 − x}. NO bid = 1 − YES ask, NO ask = 1 − YES bid (sizes swap sides with the
 * prices). Kalshi books hold bids only, so a YES ask is 1 − the best NO bid.
 */
public final class OutcomePricing {
    private OutcomePricing() {
    }

    /** The complementary outcome's quote (same timestamps, depth mirrored). */
    public static Quote complement(Quote quote, InstrumentId otherOutcome) {
        Depth depth = quote.book().map(d -> new Depth(mirror(d.asks()), mirror(d.bids()))).orElse(null);
        return new Quote(otherOutcome, quote.venue(), BigDecimal.ONE.subtract(quote.ask()),
                BigDecimal.ONE.subtract(quote.bid()), quote.askSize(), quote.bidSize(), quote.venueTs(),
                quote.receivedTs(), quote.venueSeq(), depth);
    }

    /**
     * Quotes for both outcomes of a Kalshi market from its bids-only book.
     *
     * @param yesBids YES bids (any order)
     * @param noBids  NO bids (any order)
     */
    public static KalshiQuotes fromKalshiBook(String ticker, List<Level> yesBids, List<Level> noBids, String venue,
                                              java.time.Instant venueTs, java.time.Instant receivedTs, Long venueSeq) {
        if (yesBids.isEmpty() || noBids.isEmpty()) {
            throw new IllegalArgumentException("a two-sided Kalshi quote needs YES and NO bids");
        }
        InstrumentId yes = InstrumentId.of("KALSHI:" + ticker + ":YES");
        InstrumentId no = InstrumentId.of("KALSHI:" + ticker + ":NO");
        Level bestYes = yesBids.stream().max(Comparator.comparing(Level::price)).orElseThrow();
        Level bestNo = noBids.stream().max(Comparator.comparing(Level::price)).orElseThrow();
        Quote yesQuote = new Quote(yes, venue, bestYes.price(), BigDecimal.ONE.subtract(bestNo.price()),
                bestYes.size(), bestNo.size(), venueTs, receivedTs, venueSeq,
                new Depth(yesBids, mirror(noBids)));
        Quote noQuote = new Quote(no, venue, bestNo.price(), BigDecimal.ONE.subtract(bestYes.price()),
                bestNo.size(), bestYes.size(), venueTs, receivedTs, venueSeq,
                new Depth(noBids, mirror(yesBids)));
        return new KalshiQuotes(yesQuote, noQuote);
    }

    public record KalshiQuotes(Quote yes, Quote no) {
    }

    private static List<Level> mirror(List<Level> levels) {
        return levels.stream().map(l -> new Level(BigDecimal.ONE.subtract(l.price()), l.size())).toList();
    }
}
