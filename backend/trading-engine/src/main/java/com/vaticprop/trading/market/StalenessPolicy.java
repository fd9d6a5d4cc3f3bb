package com.vaticprop.trading.market;

import com.vaticprop.trading.instrument.AssetClass;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How old a quote may be before the engine refuses to use it. Market-data re-publishes an unchanged quote with a fresh
 * {@code receivedTs} while the venue confirms the book, so the age of {@code receivedTs} alone decides.
 */
public record StalenessPolicy(Duration crypto, Duration predictionMarkets) {
    public static final StalenessPolicy DEFAULT = new StalenessPolicy(Duration.ofSeconds(5), Duration.ofSeconds(120));

    public StalenessPolicy {
        Objects.requireNonNull(crypto, "crypto");
        Objects.requireNonNull(predictionMarkets, "predictionMarkets");
    }

    public Duration boundFor(AssetClass assetClass) {
        return assetClass == AssetClass.CRYPTO ? crypto : predictionMarkets;
    }

    /** Stale when more than the bound has passed since the quote was received (exactly the bound is still fresh). */
    public boolean isStale(Quote quote, Instant now) {
        return Duration.between(quote.receivedTs(), now).compareTo(boundFor(quote.instrument().assetClass())) > 0;
    }
}
