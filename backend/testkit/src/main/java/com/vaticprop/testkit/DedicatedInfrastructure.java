package com.vaticprop.testkit;


import java.util.EnumSet;
import java.util.Set;

/**
 * Servers owned by one test class, on fixed ports, that it may stop and start again to watch a service notice the
 * outage and the recovery. PostgreSQL and Redis really stop; Kafka is cut off the network (its port closes and every
 * connection drops) because a KRaft test cluster cannot be restarted with its data in the same JVM. The service uses the built-in {@code postgres} database, which a restarted server has
 * again, so the recovery does not depend on the old data directory.
 */
public final class DedicatedInfrastructure implements AutoCloseable {

    public enum Server { POSTGRES, REDIS, KAFKA }

    private final Set<Server> servers;
    private EmbeddedPostgresServer postgres;
    private EmbeddedRedisServer redis;
    private EmbeddedKafkaServer kafka;
    private int postgresPort;
    private int redisPort;
    private int kafkaPort;

    private DedicatedInfrastructure(Set<Server> servers) {
        this.servers = servers;
    }

    private static final java.util.Map<Class<?>, DedicatedInfrastructure> BY_TEST_CLASS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The servers of one test class, started (or only reserved) on first request. */
    public static DedicatedInfrastructure forTestClass(Class<?> testClass, boolean started,
                                                       java.util.List<Server> servers) {
        return BY_TEST_CLASS.computeIfAbsent(testClass, c -> {
            Server first = servers.get(0);
            Server[] rest = servers.subList(1, servers.size()).toArray(Server[]::new);
            return started ? start(first, rest) : reserve(first, rest);
        });
    }

    /** The servers a {@link DedicatedServers} test class was given. */
    public static DedicatedInfrastructure of(Class<?> testClass) {
        DedicatedInfrastructure infra = BY_TEST_CLASS.get(testClass);
        if (infra == null) {
            throw new IllegalStateException(testClass.getName() + " has no @DedicatedServers");
        }
        return infra;
    }

    public static DedicatedInfrastructure start(Server first, Server... rest) {
        DedicatedInfrastructure infra = new DedicatedInfrastructure(EnumSet.of(first, rest));
        for (Server s : infra.servers) {
            infra.start(s);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "stop-dedicated-infrastructure"));
        return infra;
    }

    /**
     * Chooses the servers' ports without starting them, for tests of a service that starts while its dependencies
     * are still down.
     */
    public static DedicatedInfrastructure reserve(Server first, Server... rest) {
        DedicatedInfrastructure infra = new DedicatedInfrastructure(EnumSet.of(first, rest));
        infra.postgresPort = FreePorts.belowEphemeralRange();
        infra.redisPort = FreePorts.belowEphemeralRange();
        infra.kafkaPort = FreePorts.belowEphemeralRange();
        Runtime.getRuntime().addShutdownHook(new Thread(infra::close, "stop-dedicated-infrastructure"));
        return infra;
    }

    public Set<Server> servers() {
        return servers;
    }

    public synchronized void start(Server server) {
        switch (server) {
            case POSTGRES -> {
                postgres = EmbeddedPostgresServer.start(postgresPort);
                postgresPort = postgres.port();
            }
            case REDIS -> {
                redis = EmbeddedRedisServer.start(redisPort);
                redisPort = redis.port();
            }
            case KAFKA -> {
                if (kafka == null) {
                    kafka = EmbeddedKafkaServer.start(kafkaPort);
                    kafkaPort = kafka.port();
                } else {
                    kafka.reconnect();
                }
            }
        }
    }

    public synchronized void stop(Server server) {
        switch (server) {
            case POSTGRES -> {
                if (postgres != null) {
                    postgres.close();
                    postgres = null;
                }
            }
            case REDIS -> {
                if (redis != null) {
                    redis.close();
                    redis = null;
                }
            }
            case KAFKA -> {
                if (kafka != null) {
                    kafka.disconnect();
                }
            }
        }
    }

    /** The production variables that point a service at these servers. */
    public java.util.Map<String, String> properties() {
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        if (servers.contains(Server.POSTGRES)) {
            p.put("DATABASE_URL", "postgresql://postgres@127.0.0.1:" + postgresPort + "/postgres");
        }
        if (servers.contains(Server.REDIS)) {
            p.put("REDIS_HOST", "127.0.0.1");
            p.put("REDIS_PORT", String.valueOf(redisPort));
        }
        if (servers.contains(Server.KAFKA)) {
            p.put("KAFKA_BROKERS", "127.0.0.1:" + kafkaPort);
        }
        return p;
    }

    @Override
    public synchronized void close() {
        for (Server s : Server.values()) {
            try {
                stop(s);
            } catch (RuntimeException ignored) {
                // best effort at shutdown
            }
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }
}
