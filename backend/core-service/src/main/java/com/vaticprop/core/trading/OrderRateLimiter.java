package com.vaticprop.core.trading;

import com.vaticprop.platform.boot.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.util.UUID;

/**
 * Orders per assessment per second, counted in Redis so the limit holds across replicas (fixed one-second windows).
 * If Redis is unreachable orders are not throttled (one WARN per outage): trading over throttling for the minutes of
 * an outage, the same trade-off as the login limiter.
 */
final class OrderRateLimiter {

    private static final Logger log = LoggerFactory.getLogger(OrderRateLimiter.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final int perSecond;
    private volatile boolean degraded;

    OrderRateLimiter(StringRedisTemplate redis, RedisKeys keys, int perSecond) {
        this.redis = redis;
        this.keys = keys;
        this.perSecond = perSecond;
    }

    /** True if this order fits in the assessment's current window. */
    boolean tryAcquire(UUID assessmentId) {
        long second = System.currentTimeMillis() / 1000;
        String key = keys.key("orders:rate:" + assessmentId + ":" + second);
        try {
            Long count = redis.opsForValue().increment(key);
            if (count != null && count == 1) {
                redis.expire(key, Duration.ofSeconds(2));
            }
            if (degraded) {
                degraded = false;
                log.info("order rate limiting restored (Redis reachable)");
            }
            return count == null || count <= perSecond;
        } catch (RuntimeException e) {
            if (!degraded) {
                degraded = true;
                log.warn("order rate limiting suspended: Redis unreachable ({})", e.getClass().getSimpleName());
            }
            return true;
        }
    }

    int perSecond() {
        return perSecond;
    }
}
