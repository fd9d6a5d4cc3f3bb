package com.vaticprop.websocket.history;

import com.vaticprop.platform.boot.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Who owns each assessment, learnt from {@code assessment.created} (its {@code userId}) and shared by every replica
 * through Redis, so the check on each subscribe is one GET rather than a call to core-service.
 */
public final class OwnershipStore {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration ttl;

    public OwnershipStore(StringRedisTemplate redis, RedisKeys keys, Duration ttl) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
    }

    public void record(UUID assessmentId, UUID userId) {
        redis.opsForValue().set(key(assessmentId), userId.toString(), ttl);
    }

    public Optional<String> owner(UUID assessmentId) {
        return Optional.ofNullable(redis.opsForValue().get(key(assessmentId)));
    }

    private String key(UUID assessmentId) {
        return keys.key("ws:owner:" + assessmentId);
    }
}
