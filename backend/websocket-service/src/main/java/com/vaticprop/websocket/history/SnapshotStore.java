package com.vaticprop.websocket.history;

import com.vaticprop.platform.boot.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest {@code assessment.account-snapshot} frame of each assessment (latest wins, no seq), sent to a client
 * that subscribes without a usable resume offset so it starts from the current state.
 */
public final class SnapshotStore {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration ttl;

    public SnapshotStore(StringRedisTemplate redis, RedisKeys keys, Duration ttl) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
    }

    public void put(UUID assessmentId, String frame) {
        redis.opsForValue().set(key(assessmentId), frame, ttl);
    }

    public Optional<String> latest(UUID assessmentId) {
        return Optional.ofNullable(redis.opsForValue().get(key(assessmentId)));
    }

    private String key(UUID assessmentId) {
        return keys.key("ws:snapshot:" + assessmentId);
    }
}
