package com.vaticprop.platform.events.consumer;

import com.vaticprop.testkit.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** On a real redis-server, under a key prefix of this class's own. */
class RedisProcessedEventStoreTest extends ProcessedEventStoreContract {

    private static LettuceConnectionFactory factory;
    private static StringRedisTemplate redis;
    private static String prefix;
    private static RedisProcessedEventStore store;

    @BeforeAll
    static void connect() {
        TestInfrastructure.RedisEndpoint endpoint = TestInfrastructure.redis();
        RedisStandaloneConfiguration config = new RedisStandaloneConfiguration(endpoint.host(), endpoint.port());
        if (endpoint.password() != null) {
            config.setPassword(endpoint.password());
        }
        factory = new LettuceConnectionFactory(config);
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        prefix = TestInfrastructure.newKeyPrefix("RedisProcessedEventStoreTest");
        store = new RedisProcessedEventStore(redis, prefix, RedisProcessedEventStore.DEFAULT_TTL);
    }

    @AfterAll
    static void cleanUp() {
        var keys = redis.keys(prefix + "*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
        factory.destroy();
    }

    @Override
    protected ProcessedEventStore store() {
        return store;
    }

    @Test
    void marksAndCursorsExpireAfterLongerThanTheLongestSeqTopicRetention() {
        UUID event = UUID.randomUUID();
        UUID assessment = UUID.randomUUID();
        store.markProcessed("ttl", event);
        store.advanceSeq("ttl", assessment, 3);
        String eventKey = prefix + "processed:ttl:" + event;
        String seqKey = prefix + "seq:ttl:" + assessment;
        assertThat(redis.hasKey(eventKey)).isTrue();
        assertThat(redis.opsForValue().get(seqKey)).isEqualTo("3");
        Duration thirtyDays = Duration.ofDays(30);
        assertThat(redis.getExpire(eventKey)).isGreaterThan(thirtyDays.toSeconds());
        assertThat(redis.getExpire(seqKey)).isGreaterThan(thirtyDays.toSeconds());
        assertThat(RedisProcessedEventStore.DEFAULT_TTL).isGreaterThan(thirtyDays);
    }

    @Test
    void aShortTtlReallyExpiresAMark() {
        RedisProcessedEventStore shortLived = new RedisProcessedEventStore(redis, prefix + "short:",
                Duration.ofSeconds(1));
        UUID event = UUID.randomUUID();
        assertThat(shortLived.markProcessed("c", event)).isTrue();
        assertThat(shortLived.markProcessed("c", event)).isFalse();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                .until(() -> !Boolean.TRUE.equals(redis.hasKey(prefix + "short:processed:c:" + event)));
        assertThat(shortLived.markProcessed("c", event)).isTrue();
    }

    @Test
    void keysStayUnderThePrefix() {
        store.markProcessed("scoped", UUID.randomUUID());
        assertThat(redis.keys(prefix + "processed:scoped:*")).hasSize(1);
    }
}
