package com.vaticprop.marketdata.config;

import com.vaticprop.marketdata.publish.StalenessPolicy;
import org.springframework.core.env.Environment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * market-data-service's own variables (README.md lists them with their defaults). Read from the Spring environment,
 * which holds the process environment, {@code ./.env} in development, and test properties.
 *
 * @param sources           feed sources to run; {@code MARKET_DATA_SOURCES}, default {@code simulated} outside
 *                          production and none in production; {@code none} runs none
 * @param simSeed           {@code MARKET_DATA_SIM_SEED}; null = a new seed per start
 * @param simInterval       {@code MARKET_DATA_SIM_INTERVAL_MS}, default 250
 * @param simMarkets        {@code MARKET_DATA_SIM_MARKETS}: {@code POLY:<token>} and {@code KALSHI:<ticker>} entries
 * @param simMeanLifetime   {@code MARKET_DATA_SIM_MARKET_MINUTES}: mean minutes before a simulated market resolves
 *                          (0 = never), default 60
 * @param recordFile        {@code MARKET_DATA_RECORD_FILE}: append every source's normalized output there
 * @param replayFile        {@code MARKET_DATA_REPLAY_FILE}: the JSONL recording the {@code replay} source plays
 * @param replaySpeed       {@code MARKET_DATA_REPLAY_SPEED}: 0 = as fast as possible (default), 1 = real time
 * @param staleness         {@code MARKET_DATA_STALE_CRYPTO_MS} (5000) / {@code MARKET_DATA_STALE_PREDICTION_MS}
 *                          (120000); re-publish delays derived as 40% of each bound, sweep every 250 ms
 * @param quoteTtl          {@code MARKET_DATA_QUOTE_TTL_SECONDS}: TTL of the Redis quote hash and history, 3600
 * @param historySize       {@code MARKET_DATA_HISTORY_SIZE}: recent quotes kept per instrument, 100
 * @param redisFlush        {@code MARKET_DATA_REDIS_FLUSH_MS}: how often conflated quotes are written, 100
 * @param lingerMs          {@code MARKET_DATA_KAFKA_LINGER_MS}: producer linger, 5
 * @param compression       {@code MARKET_DATA_KAFKA_COMPRESSION}: lz4 (default) or zstd
 */
public record MarketDataSettings(Set<String> sources, Long simSeed, Duration simInterval, List<String> simMarkets,
                                 Duration simMeanLifetime, Path recordFile, Path replayFile, double replaySpeed,
                                 StalenessPolicy staleness, Duration quoteTtl, int historySize, Duration redisFlush,
                                 int lingerMs, String compression) {

    public static final String DEFAULT_SIM_MARKETS =
            "POLY:71321045679252212594626385532706912750332728571942532289631379312455583992563,"
                    + "POLY:52114319501245915516055106046884209969926127482827954674443846427813813222426,"
                    + "KALSHI:KXBTCD-26DEC31-T100000,KALSHI:KXFEDDECISION-26DEC-H0";

    /** Venue names in MARKET_DATA_SOURCES that are served by the single failover source {@code crypto}. */
    static final Set<String> CRYPTO_VENUES = Set.of("binance", "coinbase", "kraken");

    public static MarketDataSettings from(Environment env) {
        Function<String, String> raw = name -> {
            String v = env.getProperty(name);
            return v == null || v.isBlank() ? null : v.trim();
        };
        boolean production = env.getProperty("vatic.app-env", "development").equals("production");
        String sourceList = raw.apply("MARKET_DATA_SOURCES");
        Set<String> sources = new LinkedHashSet<>();
        if (sourceList == null) {
            if (!production) {
                sources.add("simulated");
            }
        } else {
            Arrays.stream(sourceList.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                    .filter(s -> !s.isEmpty() && !s.equals("none")).forEach(sources::add);
        }
        // the crypto venues run as one failover source ("crypto", see venue.VenueConnectorsConfiguration)
        if (sources.removeAll(CRYPTO_VENUES)) {
            sources.add("crypto");
        }
        String seed = raw.apply("MARKET_DATA_SIM_SEED");
        String markets = raw.apply("MARKET_DATA_SIM_MARKETS");
        long staleCrypto = number(raw, "MARKET_DATA_STALE_CRYPTO_MS", 5000);
        long stalePrediction = number(raw, "MARKET_DATA_STALE_PREDICTION_MS", 120_000);
        Duration sweep = Duration.ofMillis(Math.min(250, staleCrypto / 10));
        StalenessPolicy staleness = new StalenessPolicy(Duration.ofMillis(staleCrypto),
                Duration.ofMillis(stalePrediction), Duration.ofMillis(staleCrypto * 2 / 5),
                Duration.ofMillis(stalePrediction * 2 / 5), sweep);
        String compression = raw.apply("MARKET_DATA_KAFKA_COMPRESSION") == null ? "lz4"
                : raw.apply("MARKET_DATA_KAFKA_COMPRESSION").toLowerCase(Locale.ROOT);
        if (!Set.of("lz4", "zstd", "snappy", "gzip", "none").contains(compression)) {
            throw new IllegalStateException("MARKET_DATA_KAFKA_COMPRESSION must be lz4, zstd, snappy, gzip or none");
        }
        String record = raw.apply("MARKET_DATA_RECORD_FILE");
        String replay = raw.apply("MARKET_DATA_REPLAY_FILE");
        double speed;
        try {
            speed = Double.parseDouble(raw.apply("MARKET_DATA_REPLAY_SPEED") == null ? "0"
                    : raw.apply("MARKET_DATA_REPLAY_SPEED"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("MARKET_DATA_REPLAY_SPEED must be a number (0 = as fast as possible)");
        }
        return new MarketDataSettings(sources, seed == null ? null : Long.valueOf(seed),
                Duration.ofMillis(number(raw, "MARKET_DATA_SIM_INTERVAL_MS", 250)),
                Arrays.stream((markets == null ? DEFAULT_SIM_MARKETS : markets).split(",")).map(String::trim)
                        .filter(s -> !s.isEmpty()).toList(),
                Duration.ofMinutes(number(raw, "MARKET_DATA_SIM_MARKET_MINUTES", 60)),
                record == null ? null : Path.of(record), replay == null ? null : Path.of(replay), speed, staleness,
                Duration.ofSeconds(number(raw, "MARKET_DATA_QUOTE_TTL_SECONDS", 3600)),
                (int) number(raw, "MARKET_DATA_HISTORY_SIZE", 100),
                Duration.ofMillis(number(raw, "MARKET_DATA_REDIS_FLUSH_MS", 100)),
                (int) number(raw, "MARKET_DATA_KAFKA_LINGER_MS", 5), compression);
    }

    private static long number(Function<String, String> raw, String name, long fallback) {
        String v = raw.apply(name);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number >= 0");
        }
    }
}
