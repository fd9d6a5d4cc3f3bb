package com.vaticprop.marketdata.quote;

import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.json.VaticJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisOperations;
import org.springframework.data.redis.core.SessionCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest-price cache in Redis: per instrument a hash with the latest quote and its book's last confirmation
 * time (with a TTL), a capped list of recent quotes, and the market status and resolution.
 *
 * <p>Writes are conflated: a tick only updates an in-memory pending entry, and {@link #flush()} (every
 * {@code flushInterval}, on the pipeline's scheduler) writes every changed instrument in one pipelined round trip.
 * At venue rates of thousands of ticks per second per instrument a Redis call per tick would cost more than the rest
 * of the pipeline together, while readers of the cache only ever need the latest quote and a short history. Nothing
 * is lost from the history between flushes: the pending entry keeps the last {@code historySize} quotes.
 */
public final class QuoteCache {

    private static final Logger log = LoggerFactory.getLogger(QuoteCache.class);

    private final StringRedisTemplate redis;
    private final QuoteKeys keys;
    private final Duration ttl;
    private final int historySize;
    private final JsonMapper json = VaticJson.mapper();
    private final ConcurrentHashMap<String, Pending> pending = new ConcurrentHashMap<>();
    private volatile long lastErrorLogMs;

    public QuoteCache(StringRedisTemplate redis, QuoteKeys keys, Duration ttl, int historySize) {
        this.redis = redis;
        this.keys = keys;
        this.ttl = ttl;
        this.historySize = historySize;
    }

    private static final class Pending {
        MarketTick latest;
        Instant confirmedAt;
        final ArrayDeque<MarketTick> history = new ArrayDeque<>();
    }

    /** A published quote; {@code distinct} quotes (not re-publications) also go to the history. */
    public void quote(MarketTick tick, Instant confirmedAt, boolean distinct) {
        pending.compute(tick.instrument(), (k, p) -> {
            Pending entry = p == null ? new Pending() : p;
            entry.latest = tick;
            entry.confirmedAt = confirmedAt;
            if (distinct) {
                entry.history.addLast(tick);
                if (entry.history.size() > historySize) {
                    entry.history.removeFirst();
                }
            }
            return entry;
        });
    }

    /** Writes every pending change; returns how many instruments it wrote. Called by one thread at a time. */
    public synchronized int flush() {
        if (pending.isEmpty()) {
            return 0;
        }
        List<Map.Entry<String, Pending>> batch = new ArrayList<>();
        for (String instrument : List.copyOf(pending.keySet())) {
            Pending p = pending.remove(instrument);
            if (p != null && p.latest != null) {
                batch.add(Map.entry(instrument, p));
            }
        }
        try {
            redis.executePipelined(new SessionCallback<Object>() {
                @Override
                @SuppressWarnings("unchecked")
                public <K, V> Object execute(RedisOperations<K, V> operations) {
                    RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                    for (Map.Entry<String, Pending> e : batch) {
                        String instrument = e.getKey();
                        Pending p = e.getValue();
                        String quoteKey = keys.quote(instrument);
                        ops.opsForHash().putAll(quoteKey, new StoredQuote(p.latest, p.confirmedAt).toHash());
                        ops.expire(quoteKey, ttl);
                        if (!p.history.isEmpty()) {
                            String historyKey = keys.history(instrument);
                            // oldest first, so the newest ends up at the head of the list
                            ops.opsForList().leftPushAll(historyKey,
                                    p.history.stream().map(json::writeValueAsString).toList());
                            ops.opsForList().trim(historyKey, 0, historySize - 1);
                            ops.expire(historyKey, ttl);
                        }
                        ops.opsForSet().add(keys.instruments(), instrument);
                    }
                    return null;
                }
            });
        } catch (RuntimeException e) {
            batch.forEach(entry -> pending.putIfAbsent(entry.getKey(), entry.getValue()));
            long now = System.currentTimeMillis();
            if (now - lastErrorLogMs > 10_000) {
                lastErrorLogMs = now;
                log.warn("latest prices not written to Redis ({} instruments pending): {}", batch.size(), e.toString());
            }
            return 0;
        }
        return batch.size();
    }

    public void status(MarketStatusChanged status) {
        redis.opsForHash().put(keys.statuses(), status.instrument(), json.writeValueAsString(status));
        redis.opsForSet().add(keys.instruments(), status.instrument());
    }

    public void resolution(MarketResolution resolution) {
        redis.opsForHash().put(keys.resolutions(), resolution.instrument(), json.writeValueAsString(resolution));
        redis.opsForSet().add(keys.instruments(), resolution.instrument());
    }

    // ---- reads (REST API)

    public Optional<StoredQuote> latest(String instrument) {
        Map<Object, Object> raw = redis.opsForHash().entries(keys.quote(instrument));
        return Optional.ofNullable(StoredQuote.fromHash(strings(raw)));
    }

    /** Every cached quote, ordered by instrument id. */
    public List<StoredQuote> all() {
        List<String> instruments = instruments();
        List<Object> hashes = redis.executePipelined(new SessionCallback<Object>() {
            @Override
            @SuppressWarnings("unchecked")
            public <K, V> Object execute(RedisOperations<K, V> operations) {
                RedisOperations<String, String> ops = (RedisOperations<String, String>) operations;
                instruments.forEach(i -> ops.opsForHash().entries(keys.quote(i)));
                return null;
            }
        });
        List<StoredQuote> quotes = new ArrayList<>();
        for (Object h : hashes) {
            @SuppressWarnings("unchecked")
            StoredQuote q = StoredQuote.fromHash(h instanceof Map<?, ?> m ? strings((Map<Object, Object>) m) : null);
            if (q != null) {
                quotes.add(q);
            }
        }
        return quotes;
    }

    /** Every instrument ever seen by this deployment, sorted. */
    public List<String> instruments() {
        var members = redis.opsForSet().members(keys.instruments());
        return members == null ? List.of() : List.copyOf(new TreeSet<>(members));
    }

    public List<MarketTick> history(String instrument, int limit) {
        List<String> raw = redis.opsForList().range(keys.history(instrument), 0, Math.max(0, limit - 1));
        return raw == null ? List.of() : raw.stream().map(s -> json.readValue(s, MarketTick.class)).toList();
    }

    public Map<String, MarketStatusChanged> statuses() {
        Map<String, MarketStatusChanged> out = new LinkedHashMap<>();
        redis.opsForHash().entries(keys.statuses()).forEach((k, v) ->
                out.put(k.toString(), json.readValue(v.toString(), MarketStatusChanged.class)));
        return out;
    }

    public Map<String, MarketResolution> resolutions() {
        Map<String, MarketResolution> out = new LinkedHashMap<>();
        redis.opsForHash().entries(keys.resolutions()).forEach((k, v) ->
                out.put(k.toString(), json.readValue(v.toString(), MarketResolution.class)));
        return out;
    }

    private static Map<String, String> strings(Map<Object, Object> raw) {
        if (raw == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        raw.forEach((k, v) -> out.put(k.toString(), v.toString()));
        return out;
    }
}
