package com.vaticprop.marketdata.publish;

import com.vaticprop.trading.instrument.AssetClass;

import java.time.Duration;
import java.util.Objects;

/**
 * How old a quote may get before consumers must treat it as stale (CONTRACTS.md: 5 s crypto, 120 s prediction
 * markets), and how soon after its last publication the pipeline re-publishes a quiet but confirmed book.
 *
 * <p>The re-publish delay plus one sweep interval must stay within half the bound: a consumer then sees a fresh
 * {@code receivedTs} at least every half bound while the venue keeps confirming the book, and judges staleness from
 * the tick topics alone. The constructor refuses settings that would break that promise.
 */
public record StalenessPolicy(Duration cryptoBound, Duration predictionBound, Duration cryptoRepublishAfter,
                              Duration predictionRepublishAfter, Duration sweepInterval) {

    public static final StalenessPolicy DEFAULT = new StalenessPolicy(Duration.ofSeconds(5), Duration.ofSeconds(120),
            Duration.ofSeconds(2), Duration.ofSeconds(50), Duration.ofMillis(250));

    public StalenessPolicy {
        Objects.requireNonNull(cryptoBound, "cryptoBound");
        Objects.requireNonNull(predictionBound, "predictionBound");
        Objects.requireNonNull(sweepInterval, "sweepInterval");
        check(cryptoBound, cryptoRepublishAfter, sweepInterval, "crypto");
        check(predictionBound, predictionRepublishAfter, sweepInterval, "prediction");
    }

    private static void check(Duration bound, Duration after, Duration sweep, String what) {
        if (after == null || after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException(what + " re-publish delay must be positive");
        }
        if (after.plus(sweep).compareTo(bound.dividedBy(2)) > 0) {
            throw new IllegalArgumentException(what + " re-publish delay " + after + " + sweep " + sweep
                    + " exceeds half the staleness bound " + bound);
        }
    }

    public Duration bound(AssetClass assetClass) {
        return assetClass == AssetClass.CRYPTO ? cryptoBound : predictionBound;
    }

    public Duration republishAfter(AssetClass assetClass) {
        return assetClass == AssetClass.CRYPTO ? cryptoRepublishAfter : predictionRepublishAfter;
    }
}
