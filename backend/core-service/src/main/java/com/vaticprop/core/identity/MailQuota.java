package com.vaticprop.core.identity;

import com.vaticprop.platform.boot.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Duration;

/**
 * At most {@code max} account mails (verification, reset) per address and window, counted in Redis across replicas,
 * so the public "send me a link" endpoints cannot be used to flood someone's mailbox. Checked in the background work
 * of those requests, never in their answer (which stays the same for every address). Without Redis mail is not
 * throttled rather than refused.
 */
final class MailQuota {

    private static final Logger log = LoggerFactory.getLogger(MailQuota.class);

    private final StringRedisTemplate redis;
    private final RedisKeys keys;
    private final int max;
    private final Duration window;

    MailQuota(StringRedisTemplate redis, RedisKeys keys, int max, Duration window) {
        this.redis = redis;
        this.keys = keys;
        this.max = max;
        this.window = window;
    }

    /** Counts one mail to the address; false when it is over the quota (then nothing should be sent). */
    boolean take(String normalisedEmail) {
        String key = keys.key("account-mail:" + RefreshTokens.hash(normalisedEmail));
        try {
            Long count = redis.opsForValue().increment(key);
            if (count != null && count == 1) {
                redis.expire(key, window);
            }
            return count == null || count <= max;
        } catch (DataAccessException e) {
            log.warn("account mail quota unavailable (Redis): {}", e.getClass().getSimpleName());
            return true;
        }
    }
}
