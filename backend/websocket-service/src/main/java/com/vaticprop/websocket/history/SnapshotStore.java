package com.vaticprop.websocket.history;

import com.vaticprop.platform.boot.RedisKeys;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest {@code assessment.account-snapshot} frame of each assessment (latest wins, no seq), sent to a client
 * that subscribes without a usable resume offset so it starts from the current state. Kept in Redis for replicas that
 * start later, and locally (bounded) for the recently active assessments: every replica reads every snapshot, so the
 * local copy is as fresh as Redis, answers without a round trip, and still answers while Redis is away.
 */
public final class SnapshotStore {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration ttl;
    private final LocalCopy<String> local;

    public SnapshotStore(StringRedisTemplate redis, RedisKeys keys, Duration ttl, int localEntries) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
        this.local = new LocalCopy<>(localEntries);
    }

    /** Keeps the frame locally, then in Redis (which may fail: the local copy stays). */
    public void put(UUID assessmentId, String frame) {
        putLocally(assessmentId, frame);
        storeAll(Map.of(assessmentId, frame));
    }

    /** The local copy only; {@link #storeAll} writes Redis later (the fan-out's batch). */
    public void putLocally(UUID assessmentId, String frame) {
        local.put(assessmentId, frame);
    }

    /** Writes the frames to Redis in one round trip (see {@link RedisBatch}); throws when Redis is unreachable. */
    public void storeAll(Map<UUID, String> frames) {
        if (frames.isEmpty()) {
            return;
        }
        SetArgs expiring = SetArgs.Builder.px(ttl.toMillis());
        RedisBatch.run(redis, async -> {
            List<RedisFuture<?>> sent = new ArrayList<>(frames.size());
            for (Map.Entry<UUID, String> e : frames.entrySet()) {
                sent.add(async.set(key(e.getKey()).getBytes(StandardCharsets.UTF_8),
                        e.getValue().getBytes(StandardCharsets.UTF_8), expiring));
            }
            return sent;
        });
    }

    /** The latest frame; throws when only Redis could tell and it is unreachable. */
    public Optional<String> latest(UUID assessmentId) {
        String known = local.get(assessmentId);
        if (known != null) {
            return Optional.of(known);
        }
        return Optional.ofNullable(redis.opsForValue().get(key(assessmentId)));
    }

    private String key(UUID assessmentId) {
        return keys.key("ws:snapshot:" + assessmentId);
    }
}
