package com.vaticprop.marketdata.publish;

import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.trading.instrument.AssetClass;

import java.math.BigDecimal;

/**
 * The sanity check every tick passes before it is published: a quote that cannot be a real book (crossed, a
 * non-positive crypto price, a prediction-market price outside [0,1]) would fill orders and breach accounts at
 * impossible prices, so it is dropped and counted instead. Cross-venue deviation and spike guards are the
 * connectors' business; this only refuses what no venue can mean.
 */
public final class QuoteValidator {

    /** Why a tick was refused; the metric tag. */
    public enum Rejection {
        INCOMPLETE("incomplete"), UNKNOWN_INSTRUMENT("unknown-instrument"), CROSSED("crossed"),
        NON_POSITIVE("non-positive"), OUT_OF_RANGE("out-of-range"), NEGATIVE_SIZE("negative-size");

        private final String tag;

        Rejection(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private QuoteValidator() {
    }

    /**
     * Null when the tick may be published. Crypto: bid and ask &gt; 0. Prediction markets: bid in [0, 1), ask in
     * (0, 1] (a price of 0 or 1 on the far side is an empty book side, not an error). Both: bid &le; ask, sizes
     * &ge; 0, a last price inside the same range.
     */
    public static Rejection check(MarketTick tick, AssetClass assetClass) {
        if (tick.instrument() == null || tick.venue() == null || tick.bid() == null || tick.ask() == null
                || tick.receivedTs() == null || tick.venueTs() == null) {
            return Rejection.INCOMPLETE;
        }
        BigDecimal bid = tick.bid();
        BigDecimal ask = tick.ask();
        if (assetClass == AssetClass.CRYPTO) {
            if (bid.signum() <= 0 || ask.signum() <= 0 || (tick.last() != null && tick.last().signum() <= 0)) {
                return Rejection.NON_POSITIVE;
            }
        } else {
            if (bid.signum() < 0 || bid.compareTo(BigDecimal.ONE) >= 0 || ask.signum() <= 0
                    || ask.compareTo(BigDecimal.ONE) > 0
                    || (tick.last() != null && (tick.last().signum() < 0 || tick.last().compareTo(BigDecimal.ONE) > 0))) {
                return Rejection.OUT_OF_RANGE;
            }
        }
        if (bid.compareTo(ask) > 0) {
            return Rejection.CROSSED;
        }
        if (negative(tick.bidSize()) || negative(tick.askSize()) || negative(tick.lastSize())) {
            return Rejection.NEGATIVE_SIZE;
        }
        return null;
    }

    private static boolean negative(BigDecimal size) {
        return size != null && size.signum() < 0;
    }
}
