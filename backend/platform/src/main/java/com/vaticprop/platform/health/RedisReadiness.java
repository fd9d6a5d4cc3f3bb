package com.vaticprop.platform.health;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/** Redis answers PING. */
public final class RedisReadiness implements ReadinessCheck {

    private final RedisConnectionFactory factory;

    public RedisReadiness(RedisConnectionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public void check() {
        try (RedisConnection connection = factory.getConnection()) {
            String pong = connection.ping();
            if (!"PONG".equalsIgnoreCase(pong)) {
                throw new IllegalStateException("unexpected PING answer");
            }
        }
    }
}
