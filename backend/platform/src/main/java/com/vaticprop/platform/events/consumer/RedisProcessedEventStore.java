package com.vaticprop.platform.events.consumer;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The store for services without a schema. Marks expire after a TTL longer than the topic's retention: a redelivery
 * can only come from records Kafka still holds, so a mark older than that can never be needed again.
 */
public final class RedisProcessedEventStore implements ProcessedEventStore {

    /** Longer than the 30-day retention of every seq-carrying topic. */
    public static final Duration DEFAULT_TTL = Duration.ofDays(31);

    private static final DefaultRedisScript<Long> ADVANCE = new DefaultRedisScript<>(
            "local c = tonumber(redis.call('GET', KEYS[1]) or '0') "
                    + "if tonumber(ARGV[1]) > c then redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2]) return 1 end "
                    + "return 0", Long.class);

    private final StringRedisTemplate redis;
    private final String prefix;
    private final Duration ttl;

    public RedisProcessedEventStore(StringRedisTemplate redis, String keyPrefix, Duration ttl) {
        this.redis = redis;
        this.prefix = keyPrefix;
        this.ttl = ttl;
    }

    @Override
    public boolean markProcessed(String consumer, UUID eventId) {
        Boolean set = redis.opsForValue().setIfAbsent(eventKey(consumer, eventId), "1", ttl);
        return Boolean.TRUE.equals(set);
    }

    @Override
    public void unmark(String consumer, UUID eventId) {
        redis.delete(eventKey(consumer, eventId));
    }

    @Override
    public long lastAppliedSeq(String consumer, UUID assessmentId) {
        String value = redis.opsForValue().get(seqKey(consumer, assessmentId));
        return value == null ? 0L : Long.parseLong(value);
    }

    @Override
    public void advanceSeq(String consumer, UUID assessmentId, long seq) {
        redis.execute(ADVANCE, List.of(seqKey(consumer, assessmentId)), Long.toString(seq),
                Long.toString(ttl.toSeconds()));
    }

    private String eventKey(String consumer, UUID eventId) {
        return prefix + "processed:" + consumer + ":" + eventId;
    }

    private String seqKey(String consumer, UUID assessmentId) {
        return prefix + "seq:" + consumer + ":" + assessmentId;
    }
}
