package com.vaticprop.marketdata.venue.kalshi;

import com.vaticprop.marketdata.venue.PriceLevels;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One Kalshi market's book. Kalshi books hold bids only, on both outcomes: a YES ask is a NO bid seen from the other
 * side, so YES ask = 1 − best NO bid and NO ask = 1 − best YES bid (contracts). An empty side quotes at the bound
 * with size zero (no YES bid → bid 0; no NO bid → YES ask 1).
 */
final class KalshiBook {
    final PriceLevels yes = PriceLevels.bids();
    final PriceLevels no = PriceLevels.bids();
    BigDecimal lastYes;
    BigDecimal lastSize;
    BigDecimal[] published;

    static BigDecimal price(PriceLevels side) {
        Map.Entry<BigDecimal, BigDecimal> best = side.best();
        return best == null ? BigDecimal.ZERO : best.getKey();
    }

    static BigDecimal size(PriceLevels side) {
        Map.Entry<BigDecimal, BigDecimal> best = side.best();
        return best == null ? BigDecimal.ZERO : best.getValue();
    }

    boolean topChanged() {
        BigDecimal[] now = {price(yes), size(yes), price(no), size(no), lastYes, lastSize};
        boolean changed = published == null;
        for (int i = 0; !changed && i < now.length; i++) {
            BigDecimal a = now[i];
            BigDecimal b = published[i];
            changed = a == null ? b != null : b == null || a.compareTo(b) != 0;
        }
        published = now;
        return changed;
    }
}
