package com.vaticprop.marketdata.config;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketDataSettingsTest {

    @Test
    void simulatedIsTheDefaultOutsideProductionOnly() {
        assertThat(MarketDataSettings.from(new MockEnvironment()).sources()).containsExactly("simulated");
        assertThat(MarketDataSettings.from(new MockEnvironment().withProperty("vatic.app-env", "production"))
                .sources()).isEmpty();
        assertThat(MarketDataSettings.from(new MockEnvironment().withProperty("MARKET_DATA_SOURCES", "none"))
                .sources()).isEmpty();
        assertThat(MarketDataSettings.from(new MockEnvironment()
                .withProperty("MARKET_DATA_SOURCES", " Simulated, replay ")).sources())
                .containsExactly("simulated", "replay");
    }

    @Test
    void theCryptoVenuesRunAsTheOneFailoverSourceNamedCrypto() {
        assertThat(MarketDataSettings.from(new MockEnvironment()
                .withProperty("MARKET_DATA_SOURCES", "binance,coinbase,polymarket")).sources())
                .containsExactlyInAnyOrder("crypto", "polymarket");
    }

    @Test
    void republishingStaysWithinHalfTheStalenessBounds() {
        MarketDataSettings defaults = MarketDataSettings.from(new MockEnvironment());
        assertThat(defaults.staleness().cryptoRepublishAfter().plus(defaults.staleness().sweepInterval()))
                .isLessThanOrEqualTo(Duration.ofMillis(2500));
        assertThat(defaults.staleness().predictionRepublishAfter().plus(defaults.staleness().sweepInterval()))
                .isLessThanOrEqualTo(Duration.ofSeconds(60));
        MarketDataSettings tight = MarketDataSettings.from(new MockEnvironment()
                .withProperty("MARKET_DATA_STALE_CRYPTO_MS", "200"));
        assertThat(tight.staleness().cryptoRepublishAfter().plus(tight.staleness().sweepInterval()))
                .isLessThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void malformedValuesAreNamed() {
        assertThatThrownBy(() -> MarketDataSettings.from(new MockEnvironment()
                .withProperty("MARKET_DATA_SIM_INTERVAL_MS", "fast"))).hasMessageContaining("MARKET_DATA_SIM_INTERVAL_MS");
        assertThatThrownBy(() -> MarketDataSettings.from(new MockEnvironment()
                .withProperty("MARKET_DATA_KAFKA_COMPRESSION", "brotli"))).hasMessageContaining("lz4");
    }
}
