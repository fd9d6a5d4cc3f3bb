package com.vaticprop.marketdata.config;

import com.vaticprop.marketdata.feed.FeedSource;
import com.vaticprop.marketdata.feed.FeedSources;
import com.vaticprop.marketdata.feed.TickSink;
import com.vaticprop.marketdata.metrics.MarketDataMetrics;
import com.vaticprop.marketdata.publish.MarketDataProducer;
import com.vaticprop.marketdata.publish.PublishingPipeline;
import com.vaticprop.marketdata.quote.QuoteCache;
import com.vaticprop.marketdata.quote.QuoteKeys;
import com.vaticprop.marketdata.replay.FrameParser;
import com.vaticprop.marketdata.replay.FrameRecorder;
import com.vaticprop.marketdata.replay.JsonlFrameRecorder;
import com.vaticprop.marketdata.replay.NormalizedFrames;
import com.vaticprop.marketdata.replay.RecordingTickSink;
import com.vaticprop.marketdata.replay.ReplayFeed;
import com.vaticprop.marketdata.simulated.SimulatedFeed;
import com.vaticprop.marketdata.simulated.SimulatedMarket;
import com.vaticprop.platform.boot.RedisKeys;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.security.PublicPaths;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Wires the pipeline: sources → (recorder) → publishing pipeline → Kafka + Redis cache. Venue connectors join by
 * being {@link FeedSource} beans (and {@link FrameParser} beans to make their recordings replayable).
 */
@Configuration(proxyBeanMethods = false)
class MarketDataConfiguration {

    @Bean
    MarketDataSettings marketDataSettings(Environment environment) {
        MarketDataSettings settings = MarketDataSettings.from(environment);
        if (settings.sources().contains("replay") && settings.replayFile() == null) {
            throw new IllegalStateException("MARKET_DATA_SOURCES includes replay but MARKET_DATA_REPLAY_FILE is unset");
        }
        return settings;
    }

    @Bean
    MarketDataMetrics marketDataMetrics(MeterRegistry registry) {
        return new MarketDataMetrics(registry);
    }

    @Bean(destroyMethod = "close")
    MarketDataProducer marketDataProducer(ProducerFactory<?, ?> producerFactory, EventCodec codec,
                                          MarketDataMetrics metrics, Clock clock, MarketDataSettings settings) {
        return new MarketDataProducer(MarketDataProducer.kafkaProducer(MarketDataProducer.producerConfig(
                producerFactory.getConfigurationProperties(), settings.lingerMs(), settings.compression())),
                codec, metrics, clock);
    }

    @Bean
    QuoteKeys quoteKeys(RedisKeys keys) {
        return new QuoteKeys(keys);
    }

    @Bean
    QuoteCache quoteCache(StringRedisTemplate redis, QuoteKeys keys, MarketDataSettings settings) {
        return new QuoteCache(redis, keys, settings.quoteTtl(), settings.historySize());
    }

    @Bean
    PublishingPipeline publishingPipeline(MarketDataProducer producer, QuoteCache cache, MarketDataMetrics metrics,
                                          MarketDataSettings settings, Clock clock) {
        return new PublishingPipeline(producer, cache, metrics, settings.staleness(), clock);
    }

    @Bean
    @ConditionalOnProperty("MARKET_DATA_RECORD_FILE")
    JsonlFrameRecorder frameRecorder(MarketDataSettings settings) {
        return new JsonlFrameRecorder(settings.recordFile());
    }

    @Bean
    NormalizedFrames normalizedFrames() {
        return new NormalizedFrames();
    }

    @Bean
    SimulatedFeed simulatedFeed(MarketDataSettings settings, Clock clock) {
        long seed = settings.simSeed() != null ? settings.simSeed() : ThreadLocalRandom.current().nextLong();
        return new SimulatedFeed(new SimulatedMarket(seed, settings.simInterval(), settings.simMarkets(),
                settings.simMeanLifetime()), clock);
    }

    @Bean
    @ConditionalOnProperty("MARKET_DATA_REPLAY_FILE")
    ReplayFeed replayFeed(MarketDataSettings settings, List<FrameParser> parsers) {
        return new ReplayFeed("replay", settings.replayFile(), parsers, settings.replaySpeed());
    }

    @Bean(destroyMethod = "")
    FeedSources feedSources(List<FeedSource> sources, MarketDataSettings settings, PublishingPipeline pipeline,
                            ObjectProvider<FrameRecorder> recorder, MarketDataMetrics metrics, Clock clock) {
        FrameRecorder r = recorder.getIfAvailable();
        TickSink sink = r == null ? pipeline : new RecordingTickSink(pipeline, r, clock);
        return new FeedSources(sources, settings.sources(), sink, metrics);
    }

    @Bean
    MarketDataRuntime marketDataRuntime(PublishingPipeline pipeline, QuoteCache cache, FeedSources sources,
                                        ObjectProvider<FrameRecorder> recorder, MarketDataSettings settings) {
        return new MarketDataRuntime(pipeline, cache, sources, recorder.getIfAvailable(),
                settings.staleness().sweepInterval(), settings.redisFlush());
    }

    /** Prices are public market information: the front end shows them before anyone logs in. */
    @Bean
    PublicPaths marketDataPublicPaths() {
        return new PublicPaths(List.of("/instruments", "/prices", "/prices/**"));
    }
}
