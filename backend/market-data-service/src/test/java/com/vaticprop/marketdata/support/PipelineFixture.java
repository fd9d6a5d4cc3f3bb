package com.vaticprop.marketdata.support;

import com.vaticprop.marketdata.metrics.MarketDataMetrics;
import com.vaticprop.marketdata.publish.MarketDataProducer;
import com.vaticprop.marketdata.publish.PublishingPipeline;
import com.vaticprop.marketdata.publish.StalenessPolicy;
import com.vaticprop.marketdata.quote.QuoteCache;
import com.vaticprop.marketdata.quote.QuoteKeys;
import com.vaticprop.platform.boot.RedisKeys;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.KafkaAdminClient;
import com.vaticprop.platform.events.TopicInitializer;
import com.vaticprop.testkit.TestInfrastructure;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Map;

/**
 * The publishing pipeline built by hand against the test JVM's real embedded Kafka and Redis, with a clock the test
 * controls and its own Redis key prefix.
 */
public final class PipelineFixture implements AutoCloseable {

    public final MutableClock clock;
    public final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    public final MarketDataMetrics metrics = new MarketDataMetrics(registry);
    public final MarketDataProducer producer;
    public final QuoteKeys keys;
    public final QuoteCache cache;
    public final PublishingPipeline pipeline;
    public final StringRedisTemplate redis;
    public final String bootstrapServers;
    private final LettuceConnectionFactory connections;

    public PipelineFixture(MutableClock clock, int historySize, String hint) {
        this.clock = clock;
        this.bootstrapServers = TestInfrastructure.kafka().bootstrapServers();
        ensureTopics(bootstrapServers);
        TestInfrastructure.RedisEndpoint endpoint = TestInfrastructure.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        if (endpoint.password() != null) {
            config.setPassword(endpoint.password());
        }
        connections = new LettuceConnectionFactory(config);
        connections.afterPropertiesSet();
        connections.start();
        redis = new StringRedisTemplate(connections);
        keys = new QuoteKeys(new RedisKeys(TestInfrastructure.newKeyPrefix(hint)));
        cache = new QuoteCache(redis, keys, Duration.ofMinutes(10), historySize);
        producer = new MarketDataProducer(MarketDataProducer.kafkaProducer(MarketDataProducer.producerConfig(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), 5, "lz4")),
                new EventCodec(), metrics, clock);
        pipeline = new PublishingPipeline(producer, cache, metrics, StalenessPolicy.DEFAULT, clock);
    }

    public static void ensureTopics(String bootstrapServers) {
        try (KafkaAdminClient admin = new KafkaAdminClient(Map.of("bootstrap.servers", bootstrapServers))) {
            new TopicInitializer(admin, 1, (short) 1).ensureTopics();
        } catch (Exception e) {
            throw new IllegalStateException("topics not created", e);
        }
    }

    @Override
    public void close() {
        producer.close();
        connections.destroy();
    }
}
