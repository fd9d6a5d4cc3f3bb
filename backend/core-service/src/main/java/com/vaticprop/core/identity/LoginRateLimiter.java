package com.vaticprop.core.identity;

import com.vaticprop.platform.boot.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

import java.time.Duration;
import java.util.List;

/**
 * Login throttling in Redis, fixed windows: every attempt counts against the client IP, every failed attempt against
 * the account (the normalised e-mail, hashed — unknown e-mails count exactly like known ones, so the limiter reveals
 * nothing). Over either limit the login is refused with 429 and Retry-After = the window's remaining time, before
 * the password is looked at. A successful login clears the account's failures. If Redis is unreachable logins are
 * not throttled (one WARN per outage) rather than refused: availability of login over brute-force protection for
 * the minutes of an outage.
 */
public final class LoginRateLimiter {

    public record Limits(int maxFailuresPerAccount, Duration accountWindow, int maxAttemptsPerIp, Duration ipWindow) {
    }

    private static final Logger log = LoggerFactory.getLogger(LoginRateLimiter.class);

    @SuppressWarnings("rawtypes")
    private static final RedisScript<List> INCREMENT = new DefaultRedisScript<>("""
            local c = redis.call('INCR', KEYS[1])
            if c == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) ttl = tonumber(ARGV[1]) end
            return {c, ttl}""", List.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final Limits limits;
    private volatile boolean degraded;

    public LoginRateLimiter(StringRedisTemplate redis, RedisKeys keys, Limits limits) {
        this.redis = redis;
        this.keys = keys;
        this.limits = limits;
    }

    /** Counts the attempt and throws {@link RateLimitedException} when the IP or the account is over its limit. */
    public void beforeAttempt(String normalisedEmail, String ip) {
        try {
            List<?> ipCount = redis.execute(INCREMENT, List.of(ipKey(ip)),
                    Long.toString(limits.ipWindow().toMillis()));
            if (ipCount != null && ((Number) ipCount.get(0)).longValue() > limits.maxAttemptsPerIp()) {
                throw new RateLimitedException("Too many login attempts from this address; try again later.",
                        Duration.ofMillis(((Number) ipCount.get(1)).longValue()));
            }
            String account = accountKey(normalisedEmail);
            String failures = redis.opsForValue().get(account);
            if (failures != null && Long.parseLong(failures) >= limits.maxFailuresPerAccount()) {
                Long ttl = redis.getExpire(account, java.util.concurrent.TimeUnit.MILLISECONDS);
                throw new RateLimitedException("Too many failed logins for this account; try again later.",
                        Duration.ofMillis(ttl == null || ttl < 0 ? limits.accountWindow().toMillis() : ttl));
            }
            recovered();
        } catch (DataAccessException e) {
            unavailable(e);
        }
    }

    public void failed(String normalisedEmail) {
        try {
            redis.execute(INCREMENT, List.of(accountKey(normalisedEmail)),
                    Long.toString(limits.accountWindow().toMillis()));
        } catch (DataAccessException e) {
            unavailable(e);
        }
    }

    public void succeeded(String normalisedEmail) {
        try {
            redis.delete(accountKey(normalisedEmail));
        } catch (DataAccessException e) {
            unavailable(e);
        }
    }

    private String ipKey(String ip) {
        return keys.key("login:ip:" + ip);
    }

    private String accountKey(String normalisedEmail) {
        return keys.key("login:account:" + RefreshTokens.hash(normalisedEmail));
    }

    private void recovered() {
        if (degraded) {
            degraded = false;
            log.info("login rate limiting active again (Redis reachable)");
        }
    }

    private void unavailable(DataAccessException e) {
        if (!degraded) {
            degraded = true;
            log.warn("login rate limiting suspended, Redis unavailable: {}", e.getClass().getSimpleName());
        }
    }
}
