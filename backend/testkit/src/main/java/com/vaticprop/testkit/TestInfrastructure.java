package com.vaticprop.testkit;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real infrastructure a test JVM talks to, started at most once per JVM and shared by every test class: an
 * embedded KRaft Kafka broker, an embedded PostgreSQL 18 (SERIALIZABLE by default, like CockroachDB) and Redis (the
 * server {@code REDIS_HOST} names, else an embedded one). Isolation between test classes comes from a fresh database
 * and a fresh Redis key prefix each, not from fresh servers, which keeps the suite inside its time budget.
 * Tests that stop a server to watch readiness fall start their own with the {@code Embedded*Server} types instead.
 */
public final class TestInfrastructure {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN_ID = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    private static EmbeddedKafkaServer kafka;
    private static EmbeddedPostgresServer postgres;
    private static RedisEndpoint redis;

    private TestInfrastructure() {
    }

    public static synchronized EmbeddedKafkaServer kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafkaServer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close, "stop-embedded-kafka"));
        }
        return kafka;
    }

    public static synchronized EmbeddedPostgresServer postgres() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-embedded-postgres"));
        }
        return postgres;
    }

    public static synchronized RedisEndpoint redis() {
        if (redis == null) {
            String host = System.getenv("REDIS_HOST");
            if (host != null && !host.isBlank()) {
                String port = System.getenv().getOrDefault("REDIS_PORT", "6379");
                redis = new RedisEndpoint(host, Integer.parseInt(port.trim()), System.getenv("REDIS_PASSWORD"));
            } else {
                EmbeddedRedisServer server = EmbeddedRedisServer.start(0);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "stop-embedded-redis"));
                redis = new RedisEndpoint("127.0.0.1", server.port(), null);
            }
        }
        return redis;
    }

    /** A new, empty database on the shared server; returns its DATABASE_URL. */
    public static String newDatabase(String hint) {
        String name = uniqueName(hint);
        postgres().createDatabase(name);
        return postgres().databaseUrl(name);
    }

    /** A Redis key prefix no other test class (and no other run against a shared Redis) uses. */
    public static String newKeyPrefix(String hint) {
        return "test:" + uniqueName(hint) + ":";
    }

    static String uniqueName(String hint) {
        String clean = hint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
        if (clean.length() > 30) {
            clean = clean.substring(clean.length() - 30);
        }
        return "t" + RUN_ID + "_" + COUNTER.incrementAndGet() + "_" + clean;
    }

    /** Where a Redis server listens. */
    public record RedisEndpoint(String host, int port, String password) {
    }
}
