package com.vaticprop.marketdata.venue;

import com.vaticprop.marketdata.feed.FeedSource;
import com.vaticprop.marketdata.venue.kalshi.KalshiSignerTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class VenueConnectorsConfigurationTest {
    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(VenueConnectorsConfiguration.class);

    @Test
    void noConnectorUnlessNamed() {
        runner.run(context -> assertThat(context.getBeansOfType(FeedSource.class)).isEmpty());
        runner.withPropertyValues("MARKET_DATA_SOURCES=simulated")
                .run(context -> assertThat(context.getBeansOfType(FeedSource.class)).isEmpty());
    }

    @Test
    void everyNamedConnectorBecomesAFeedSource(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("kalshi.pem");
        Files.writeString(key, KalshiSignerTest.pkcs8Pem(KalshiSignerTest.KEYS));
        runner.withPropertyValues("MARKET_DATA_SOURCES=binance, Coinbase,polymarket,kalshi",
                        "POLYMARKET_ASSET_IDS=123,456", "KALSHI_API_KEY_ID=key-1",
                        "KALSHI_PRIVATE_KEY_PATH=" + key, "KALSHI_MARKET_TICKERS=FED-23DEC-T3.00")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(FeedSource.class).values()).extracting(FeedSource::name)
                            .containsExactlyInAnyOrder("crypto", "polymarket", "kalshi");
                    assertThat(context.getBean("cryptoFeed", FeedSource.class).status().state())
                            .isEqualTo("STOPPED");
                    assertThat(context.getBean("cryptoFeed").toString()).isEqualTo("crypto[binance, coinbase]");
                });
        runner.withPropertyValues("MARKET_DATA_SOURCES=kraken,binance")
                .run(context -> assertThat(context.getBean("cryptoFeed").toString())
                        .isEqualTo("crypto[binance, kraken]"));
    }

    @Test
    void kalshiWithoutItsKeyStopsStartUpNamingTheVariable() {
        runner.withPropertyValues("MARKET_DATA_SOURCES=kalshi", "KALSHI_MARKET_TICKERS=X")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("KALSHI_API_KEY_ID"));
        runner.withPropertyValues("MARKET_DATA_SOURCES=polymarket")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("POLYMARKET_ASSET_IDS"));
    }
}
