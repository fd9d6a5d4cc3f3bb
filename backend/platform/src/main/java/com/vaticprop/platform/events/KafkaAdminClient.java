package com.vaticprop.platform.events;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One admin client per service, created on first use with short timeouts: readiness probes and topic creation must
 * fail fast while the broker is away rather than hang for Kafka's default minute.
 */
public final class KafkaAdminClient implements Supplier<Admin>, AutoCloseable {

    private final Map<String, Object> config;
    private Admin admin;

    public KafkaAdminClient(Map<String, Object> baseConfig) {
        Map<String, Object> c = new HashMap<>(baseConfig);
        c.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        c.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000);
        c.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
        c.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 2000);
        c.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 3000);
        this.config = Map.copyOf(c);
    }

    @Override
    public synchronized Admin get() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    /**
     * Drops the client after a failure. A long-lived admin client that lived through a broker outage can stay stuck
     * waiting for a node assignment after the broker is back; a fresh one reconnects at once.
     */
    public synchronized void reset() {
        close();
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(2));
            admin = null;
        }
    }
}
