package com.vaticprop.core.trading;

import com.vaticprop.core.engine.LiveAssessments;
import com.vaticprop.platform.boot.RedisKeys;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

/** Limits: {@code vatic.trading.orders-per-second} (20 per assessment), {@code vatic.trading.max-open-orders} (50). */
@Configuration(proxyBeanMethods = false)
class TradingConfiguration {

    @Bean
    OrderRateLimiter orderRateLimiter(StringRedisTemplate redis, RedisKeys keys, Environment env) {
        return new OrderRateLimiter(redis, keys, env.getProperty("vatic.trading.orders-per-second", Integer.class, 20));
    }

    @Bean
    OrderService orderService(LiveAssessments live, TradingQueries queries, OrderRateLimiter limiter,
                              JdbcClient jdbc, Clock clock, Environment env) {
        return new OrderService(live, queries, limiter, jdbc, clock,
                env.getProperty("vatic.trading.max-open-orders", Integer.class, 50));
    }
}
