package com.vaticprop.marketdata.simulated;

import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.platform.events.data.MarketStatusChanged;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated venue, without threads: {@link #open} announces every market, each {@link #step} moves every book
 * once. Given the same seed, market list and sequence of step times it produces the same calls, byte for byte,
 * which is what makes simulator-driven tests and recordings reproducible.
 */
public final class SimulatedMarket {

    /** The venue name simulated ticks carry. */
    public static final String VENUE = "simulated";

    private final SplittableRandom random;
    private final Duration stepInterval;
    private final double resolveProbability;
    private final List<CryptoPath> crypto = List.of(CryptoPath.standard());
    private final List<PredictionPath> predictions = new ArrayList<>();

    /**
     * @param predictionMarkets {@code POLY:<token>} or {@code KALSHI:<ticker>} (quoted as YES and NO)
     * @param meanLifetime      how long a prediction market trades on average before it resolves; null or zero
     *                          for never
     */
    public SimulatedMarket(long seed, Duration stepInterval, List<String> predictionMarkets, Duration meanLifetime) {
        this.random = new SplittableRandom(seed);
        this.stepInterval = stepInterval;
        this.resolveProbability = meanLifetime == null || meanLifetime.isZero() ? 0
                : (double) stepInterval.toNanos() / meanLifetime.toNanos();
        for (String market : predictionMarkets) {
            predictions.add(new PredictionPath(market, 0.2 + 0.6 * random.nextDouble()));
        }
    }

    public Duration stepInterval() {
        return stepInterval;
    }

    /** The instruments currently quoted. */
    public List<String> instruments() {
        List<String> ids = new ArrayList<>();
        crypto.forEach(c -> ids.add(c.instrument()));
        predictions.forEach(p -> ids.addAll(p.instruments()));
        return ids;
    }

    /** Every market OPEN and a first quote for each. */
    public void open(Instant now, TickSink sink) {
        for (CryptoPath c : crypto) {
            sink.status(new MarketStatusChanged(c.instrument(), MarketStatusChanged.Status.OPEN, now));
            c.step(now, 0, random, sink);
        }
        predictions.forEach(p -> p.open(now, sink));
    }

    /** One step of every book: a new quote where it moved, a confirmation where it did not. */
    public void step(Instant now, TickSink sink) {
        double dt = stepInterval.toNanos() / 1e9;
        for (CryptoPath c : crypto) {
            c.step(now, dt, random, sink);
        }
        for (PredictionPath p : predictions) {
            p.step(now, random, resolveProbability, sink);
        }
    }
}
