package com.vaticprop.websocket.history;

import io.lettuce.core.RedisFuture;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Many Redis writes in one round trip on the service's shared Lettuce connection: every command is sent before the
 * first answer is awaited. (Spring's {@code executePipelined} would take a dedicated connection — a new TCP
 * connection — for every batch.) Fails, after all answers are in or the timeout, if any command failed.
 */
final class RedisBatch {

    static final long TIMEOUT_MILLIS = 2000;

    private RedisBatch() {
    }

    @SuppressWarnings("unchecked")
    static void run(StringRedisTemplate redis,
                    Function<RedisClusterAsyncCommands<byte[], byte[]>, List<RedisFuture<?>>> commands) {
        redis.execute((RedisCallback<Void>) connection -> {
            List<RedisFuture<?>> sent = commands.apply(
                    (RedisClusterAsyncCommands<byte[], byte[]>) connection.getNativeConnection());
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TIMEOUT_MILLIS);
            for (RedisFuture<?> f : sent) {
                try {
                    f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    throw new QueryTimeoutException("Redis batch not answered within " + TIMEOUT_MILLIS + " ms", e);
                } catch (ExecutionException e) {
                    throw new RedisSystemException("Redis batch command failed: " + e.getCause(), e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RedisSystemException("interrupted", e);
                }
            }
            return null;
        });
    }
}
