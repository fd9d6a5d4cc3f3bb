package com.vaticprop.websocket.auth;

import com.vaticprop.platform.boot.RedisKeys;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;
import java.time.Instant;

/**
 * Makes a ticket single-use across every replica: {@code SET NX} on its {@code jti}, kept until the ticket could no
 * longer be accepted anyway (its expiry plus the clock skew), so the key space stays bounded.
 */
public final class TicketRedemption {

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Duration skew;

    public TicketRedemption(StringRedisTemplate redis, RedisKeys keys, Duration skew) {
        this.redis = redis;
        this.keys = keys;
        this.skew = skew;
    }

    /** True the first time {@code jti} is redeemed, false for every later attempt. */
    public boolean redeem(String jti, Instant ticketExpiresAt, Instant now) {
        Duration ttl = Duration.between(now, ticketExpiresAt).plus(skew);
        if (ttl.compareTo(Duration.ofSeconds(1)) < 0) {
            ttl = Duration.ofSeconds(1);
        }
        return Boolean.TRUE.equals(redis.opsForValue().setIfAbsent(keys.key("ws:ticket:" + jti), "1", ttl));
    }
}
