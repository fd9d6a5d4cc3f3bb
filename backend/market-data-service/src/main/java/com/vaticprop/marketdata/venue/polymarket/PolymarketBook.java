package com.vaticprop.marketdata.venue.polymarket;

import com.vaticprop.marketdata.venue.PriceLevels;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One outcome token's book as the market channel describes it. An empty side is quoted at the price bound with size
 * zero (no bid → bid 0, no ask → ask 1): nobody can sell above nothing or buy below certainty, and it is exactly how
 * the venue's own {@code best_bid}/{@code best_ask} fields report an empty side ("0" and "1").
 */
final class PolymarketBook {
    /** {@code POLY:<tokenId>}, built once per book rather than per tick. */
    final String instrument;
    final PriceLevels bids = PriceLevels.bids();
    final PriceLevels asks = PriceLevels.asks();
    BigDecimal last;
    BigDecimal lastSize;
    /** The top last delivered, to tell a changed quote from a confirmation. */
    BigDecimal[] published;

    PolymarketBook(String instrument) {
        this.instrument = instrument;
    }

    BigDecimal bid() {
        Map.Entry<BigDecimal, BigDecimal> best = bids.best();
        return best == null ? BigDecimal.ZERO : best.getKey();
    }

    BigDecimal bidSize() {
        Map.Entry<BigDecimal, BigDecimal> best = bids.best();
        return best == null ? BigDecimal.ZERO : best.getValue();
    }

    BigDecimal ask() {
        Map.Entry<BigDecimal, BigDecimal> best = asks.best();
        return best == null ? BigDecimal.ONE : best.getKey();
    }

    BigDecimal askSize() {
        Map.Entry<BigDecimal, BigDecimal> best = asks.best();
        return best == null ? BigDecimal.ZERO : best.getValue();
    }

    /** True when the top (prices, sizes, last trade) differs from what was last delivered; remembers it. */
    boolean topChanged() {
        BigDecimal[] now = {bid(), bidSize(), ask(), askSize(), last, lastSize};
        boolean changed = published == null;
        if (!changed) {
            for (int i = 0; i < now.length; i++) {
                if (!same(now[i], published[i])) {
                    changed = true;
                    break;
                }
            }
        }
        published = now;
        return changed;
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
