package com.vaticprop.websocket.history;

import com.vaticprop.platform.boot.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Who owns each assessment, learnt from {@code assessment.created} (its {@code userId}) and shared by every replica
 * through Redis, so the check on each subscribe is one GET rather than a call to core-service. An assessment's owner
 * never changes, so a local copy of what this replica has seen or looked up is never stale: it answers first, saves
 * the round trip, and keeps subscribes to those assessments possible while Redis is away. An owner found in neither
 * place while Redis is away is an error (the caller answers 1011), never a guess.
 */
public final class OwnershipStore {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration ttl;
    private final LocalCopy<String> local;

    public OwnershipStore(StringRedisTemplate redis, RedisKeys keys, Duration ttl, int localEntries) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
        this.local = new LocalCopy<>(localEntries);
    }

    /** Remembers the owner locally, then in Redis (which may fail: the local copy stays). */
    public void record(UUID assessmentId, UUID userId) {
        local.put(assessmentId, userId.toString());
        redis.opsForValue().set(key(assessmentId), userId.toString(), ttl);
    }

    /** The owner; throws when only Redis could tell and it is unreachable. */
    public Optional<String> owner(UUID assessmentId) {
        String known = local.get(assessmentId);
        if (known != null) {
            return Optional.of(known);
        }
        String stored = redis.opsForValue().get(key(assessmentId));
        if (stored != null) {
            local.put(assessmentId, stored);
        }
        return Optional.ofNullable(stored);
    }

    private String key(UUID assessmentId) {
        return keys.key("ws:owner:" + assessmentId);
    }
}
