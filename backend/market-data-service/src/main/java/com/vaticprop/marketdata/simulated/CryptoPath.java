package com.vaticprop.marketdata.simulated;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.platform.events.data.MarketTick;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * One crypto pair's simulated top of book: the mid follows geometric Brownian motion (zero drift, the pair's annual
 * volatility), the spread is a few basis points wide like on a liquid spot venue, prices sit on the venue's tick
 * grid and sizes are exponentially distributed around a typical top-of-book size. {@link StrictMath} keeps a seed's
 * path identical on every JVM.
 */
final class CryptoPath {

    private static final double SECONDS_PER_YEAR = 365.0 * 24 * 3600;

    private final String instrument;
    private final double annualVol;
    private final int priceScale;
    private final double tick;
    private final double spreadBps;
    private final double typicalSize;
    private final int sizeScale;
    private double mid;
    private long seq;
    private BigDecimal bid;
    private BigDecimal ask;

    CryptoPath(String instrument, double startMid, double annualVol, int priceScale, double spreadBps,
               double typicalSize, int sizeScale) {
        this.instrument = instrument;
        this.mid = startMid;
        this.annualVol = annualVol;
        this.priceScale = priceScale;
        this.tick = StrictMath.pow(10, -priceScale);
        this.spreadBps = spreadBps;
        this.typicalSize = typicalSize;
        this.sizeScale = sizeScale;
    }

    /** The standard pairs: BTC-USD, ETH-USD, SOL-USD with typical 2026 levels, volatilities and spreads. */
    static CryptoPath[] standard() {
        return new CryptoPath[]{
                new CryptoPath("BTC-USD", 95_000, 0.55, 2, 0.3, 0.4, 5),
                new CryptoPath("ETH-USD", 3_400, 0.70, 2, 0.6, 6, 4),
                new CryptoPath("SOL-USD", 180, 0.90, 2, 1.2, 120, 3)};
    }

    String instrument() {
        return instrument;
    }

    void step(Instant now, double dtSeconds, RandomGenerator random, TickSink sink) {
        double dt = dtSeconds / SECONDS_PER_YEAR;
        double z = random.nextGaussian();
        mid *= StrictMath.exp(-0.5 * annualVol * annualVol * dt + annualVol * StrictMath.sqrt(dt) * z);
        double halfSpread = Math.max(tick / 2, mid * spreadBps / 20_000 * (0.5 + random.nextDouble()));
        BigDecimal newBid = BigDecimal.valueOf(mid - halfSpread).setScale(priceScale, RoundingMode.FLOOR);
        BigDecimal newAsk = BigDecimal.valueOf(mid + halfSpread).setScale(priceScale, RoundingMode.CEILING);
        if (newAsk.compareTo(newBid) <= 0) {
            newAsk = newBid.add(BigDecimal.ONE.movePointLeft(priceScale));
        }
        boolean trade = random.nextDouble() < 0.3;
        boolean buyerTook = random.nextBoolean();
        BigDecimal bidSize = size(random);
        BigDecimal askSize = size(random);
        BigDecimal lastSize = trade ? size(random) : null;
        if (!trade && newBid.equals(bid) && newAsk.equals(ask)) {
            sink.confirmed(instrument, now);
            return;
        }
        bid = newBid;
        ask = newAsk;
        sink.tick(new MarketTick(instrument, SimulatedMarket.VENUE, bid, ask, bidSize, askSize,
                trade ? (buyerTook ? ask : bid) : null, lastSize, now, now, ++seq));
    }

    private BigDecimal size(RandomGenerator random) {
        double exponential = -StrictMath.log(1 - random.nextDouble());
        return BigDecimal.valueOf(typicalSize * (0.05 + exponential)).setScale(sizeScale, RoundingMode.HALF_EVEN);
    }
}
