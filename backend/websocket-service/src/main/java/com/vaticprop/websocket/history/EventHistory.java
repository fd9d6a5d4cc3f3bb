package com.vaticprop.websocket.history;

import com.vaticprop.platform.boot.RedisKeys;
import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.Limit;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The bounded resume history of one assessment: a Redis Stream whose entry ids are {@code <seq>-0} and whose single
 * field is the encoded {@code event} frame. Redis refuses an explicit id that is not above the stream's top, so every
 * replica can append the same event and only the first write lands; appending strictly in seq order (the caller's
 * job) keeps the stream gap-free. The stream is trimmed to a fixed length and expires when the assessment goes quiet.
 */
public final class EventHistory {

    private static final String FIELD = "f";

    /** XADD that answers 0 instead of an error for an id at or below the top (a duplicate or a late write). */
    private static final DefaultRedisScript<Long> APPEND = new DefaultRedisScript<>(
            "local ok = redis.pcall('XADD', KEYS[1], 'MAXLEN', ARGV[1], ARGV[2], '" + FIELD + "', ARGV[3]) "
                    + "if type(ok) == 'table' and ok.err then return 0 end "
                    + "redis.call('PEXPIRE', KEYS[1], ARGV[4]) return 1", Long.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final int size;
    private final Duration ttl;

    public EventHistory(StringRedisTemplate redis, RedisKeys keys, int size, Duration ttl) {
        this.redis = redis;
        this.keys = keys;
        this.size = size;
        this.ttl = ttl;
    }

    /** Appends the frame of {@code seq}; false when that seq (or a later one) is already there. */
    public boolean append(UUID assessmentId, long seq, String frame) {
        Long added = redis.execute(APPEND, List.of(key(assessmentId)), Integer.toString(size), seq + "-0", frame,
                Long.toString(ttl.toMillis()));
        return added != null && added == 1L;
    }

    /**
     * Appends many frames in one go (the fan-out's batch per Kafka poll); each behaves as {@link #append}. The
     * commands are all sent on the shared connection before the first answer is awaited — one round trip for the
     * batch, without Spring's pipelining, which opens a dedicated connection per batch. Throws when Redis is
     * unreachable or does not answer within {@link RedisBatch#TIMEOUT_MILLIS}.
     */
    public void appendAll(List<Append> appends) {
        if (appends.isEmpty()) {
            return;
        }
        byte[] script = APPEND.getScriptAsString().getBytes(StandardCharsets.UTF_8);
        byte[] maxLen = Integer.toString(size).getBytes(StandardCharsets.UTF_8);
        byte[] ttlMillis = Long.toString(ttl.toMillis()).getBytes(StandardCharsets.UTF_8);
        RedisBatch.run(redis, async -> {
            List<RedisFuture<?>> sent = new ArrayList<>(appends.size());
            for (Append a : appends) {
                sent.add(async.eval(script, ScriptOutputType.INTEGER,
                        new byte[][]{key(a.assessmentId()).getBytes(StandardCharsets.UTF_8)}, maxLen,
                        (a.seq() + "-0").getBytes(StandardCharsets.UTF_8),
                        a.frame().getBytes(StandardCharsets.UTF_8), ttlMillis));
            }
            return sent;
        });
    }

    /** The highest seq stored, 0 when there is no history. */
    public long lastSeq(UUID assessmentId) {
        List<MapRecord<String, Object, Object>> top = redis.opsForStream()
                .reverseRange(key(assessmentId), Range.unbounded(), Limit.limit().count(1));
        return top == null || top.isEmpty() ? 0L : seqOf(top.get(0));
    }

    /** The lowest seq still stored, empty when there is no history. */
    public OptionalLong firstSeq(UUID assessmentId) {
        List<MapRecord<String, Object, Object>> first = redis.opsForStream()
                .range(key(assessmentId), Range.unbounded(), Limit.limit().count(1));
        return first == null || first.isEmpty() ? OptionalLong.empty() : OptionalLong.of(seqOf(first.get(0)));
    }

    /** The stored events with {@code from <= seq <= to}, in seq order. */
    public List<StoredEvent> range(UUID assessmentId, long from, long to) {
        if (from > to) {
            return List.of();
        }
        List<MapRecord<String, Object, Object>> records = redis.opsForStream().range(key(assessmentId),
                Range.closed(from + "-0", to + "-0"));
        List<StoredEvent> out = new ArrayList<>(records == null ? 0 : records.size());
        if (records != null) {
            for (MapRecord<String, Object, Object> r : records) {
                out.add(new StoredEvent(seqOf(r), String.valueOf(r.getValue().get(FIELD))));
            }
        }
        return out;
    }

    private static long seqOf(MapRecord<String, Object, Object> record) {
        return record.getId().getTimestamp();
    }

    private String key(UUID assessmentId) {
        return keys.key("ws:history:" + assessmentId);
    }

    /** One frame to append: the assessment, its seq, the {@code event} frame. */
    public record Append(UUID assessmentId, long seq, String frame) {
    }

    /** One stored event: its seq and the {@code event} frame as sent live. */
    public record StoredEvent(long seq, String frame) {
    }
}
