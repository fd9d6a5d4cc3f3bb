package com.vaticprop.marketdata.venue;

import com.vaticprop.marketdata.feed.FeedSource;
import com.vaticprop.marketdata.venue.binance.BinanceFeed;
import com.vaticprop.marketdata.venue.coinbase.CoinbaseFeed;
import com.vaticprop.marketdata.venue.connection.VenueCounters;
import com.vaticprop.marketdata.venue.crypto.BadTickFilter;
import com.vaticprop.marketdata.venue.crypto.CryptoFeed;
import com.vaticprop.marketdata.venue.kalshi.KalshiFeed;
import com.vaticprop.marketdata.venue.kraken.KrakenFeed;
import com.vaticprop.marketdata.venue.kalshi.KalshiMarketWatcher;
import com.vaticprop.marketdata.venue.kalshi.KalshiRestClient;
import com.vaticprop.marketdata.venue.kalshi.KalshiSigner;
import com.vaticprop.marketdata.venue.polymarket.PolymarketAssets;
import com.vaticprop.marketdata.venue.polymarket.PolymarketFeed;
import com.vaticprop.marketdata.venue.polymarket.PolymarketMarketWatcher;
import com.vaticprop.marketdata.venue.polymarket.PolymarketRestClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The live venue connectors as {@link FeedSource} beans, each only when {@code MARKET_DATA_SOURCES} names it; none
 * by default (the simulated feed is the devstack default). The pipeline starts and stops them; each owns its
 * threads. Binance, Coinbase and Kraken are one "crypto" source: the enabled ones in that priority order, the
 * first primary, the others standby.
 */
@Configuration(proxyBeanMethods = false)
public class VenueConnectorsConfiguration {
    static final Duration REST_TIMEOUT = Duration.ofSeconds(10);

    @Bean
    @ConditionalOnSource({"binance", "coinbase", "kraken"})
    FeedSource cryptoFeed(Environment environment) {
        VenueSettings settings = new VenueSettings(environment);
        Set<String> sources = VenueSettings.sources(environment);
        List<String> instruments = settings.list("MARKET_DATA_CRYPTO_INSTRUMENTS", "BTC-USD,ETH-USD,SOL-USD");
        Clock clock = Clock.systemUTC();
        List<FeedSource> venues = new ArrayList<>();
        if (sources.contains("binance")) {
            venues.add(BinanceFeed.create(BinanceFeed.defaultSettings()
                    .withUri(URI.create(settings.get("BINANCE_WS_URL", BinanceFeed.ENDPOINT.toString()))),
                    instruments, clock, null));
        }
        if (sources.contains("coinbase")) {
            venues.add(CoinbaseFeed.create(CoinbaseFeed.defaultSettings()
                    .withUri(URI.create(settings.get("COINBASE_WS_URL", CoinbaseFeed.ENDPOINT.toString()))),
                    instruments, clock, null));
        }
        if (sources.contains("kraken")) {
            venues.add(KrakenFeed.create(KrakenFeed.defaultSettings()
                    .withUri(URI.create(settings.get("KRAKEN_WS_URL", KrakenFeed.ENDPOINT.toString()))),
                    instruments, clock, null));
        }
        VenueCounters counters = new VenueCounters();
        BadTickFilter filter = new BadTickFilter(
                new BigDecimal(settings.get("MARKET_DATA_SPIKE_MAX_JUMP", "0.10")),
                Integer.parseInt(settings.get("MARKET_DATA_SPIKE_CONFIRMATIONS", "3")),
                new BigDecimal(settings.get("MARKET_DATA_CROSS_VENUE_MAX_DEVIATION", "0.02")),
                Duration.ofSeconds(5), counters);
        return new CryptoFeed("crypto", venues, filter, settings.millis("MARKET_DATA_CRYPTO_STALE_MS", 5000), clock,
                counters);
    }

    @Bean
    @ConditionalOnSource("polymarket")
    FeedSource polymarketFeed(Environment environment) {
        VenueSettings settings = new VenueSettings(environment);
        List<String> assetIds = settings.list("POLYMARKET_ASSET_IDS", "");
        List<String> conditionIds = settings.list("POLYMARKET_CONDITION_IDS", "");
        if (assetIds.isEmpty() && conditionIds.isEmpty()) {
            throw new IllegalStateException(
                    "POLYMARKET_ASSET_IDS or POLYMARKET_CONDITION_IDS is required when polymarket is enabled");
        }
        Clock clock = Clock.systemUTC();
        VenueCounters counters = new VenueCounters();
        PolymarketAssets assets = new PolymarketAssets(assetIds);
        PolymarketRestClient rest = new PolymarketRestClient(HttpClient.newHttpClient(),
                URI.create(settings.get("POLYMARKET_CLOB_URL", PolymarketRestClient.CLOB.toString())),
                URI.create(settings.get("POLYMARKET_GAMMA_URL", PolymarketRestClient.GAMMA.toString())),
                REST_TIMEOUT);
        PolymarketMarketWatcher watcher = new PolymarketMarketWatcher(rest, conditionIds, assets,
                settings.seconds("POLYMARKET_STATUS_POLL_SECONDS", 60), clock, counters);
        return PolymarketFeed.create(PolymarketFeed.defaultSettings()
                        .withUri(URI.create(settings.get("POLYMARKET_WS_URL", PolymarketFeed.ENDPOINT.toString()))),
                assets, watcher, counters, clock, null);
    }

    @Bean
    @ConditionalOnSource("kalshi")
    FeedSource kalshiFeed(Environment environment) {
        VenueSettings settings = new VenueSettings(environment);
        String keyId = settings.required("KALSHI_API_KEY_ID", "when kalshi is enabled");
        KalshiSigner signer = KalshiSigner.fromPem(keyId, settings.kalshiPrivateKeyPem());
        List<String> tickers = settings.list("KALSHI_MARKET_TICKERS", "");
        if (tickers.isEmpty()) {
            throw new IllegalStateException("KALSHI_MARKET_TICKERS is required when kalshi is enabled");
        }
        Clock clock = Clock.systemUTC();
        VenueCounters counters = new VenueCounters();
        KalshiMarketWatcher watcher = new KalshiMarketWatcher(new KalshiRestClient(HttpClient.newHttpClient(),
                URI.create(settings.get("KALSHI_API_URL", KalshiRestClient.BASE.toString())), REST_TIMEOUT),
                tickers, settings.seconds("KALSHI_STATUS_POLL_SECONDS", 60), clock, counters);
        return KalshiFeed.create(KalshiFeed.defaultSettings()
                        .withUri(URI.create(settings.get("KALSHI_WS_URL", KalshiFeed.ENDPOINT.toString()))),
                signer, tickers, watcher, counters, clock, null);
    }
}
