package com.vaticprop.websocket.connection;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open connections of this replica and how many each user holds. The per-user cap is per replica: a global
 * count would cost a Redis round trip per connect and leak counts when a replica dies; with N replicas a user can
 * hold at most N times the cap, which still bounds a flood.
 */
public final class ConnectionRegistry {

    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();

    public void add(Connection connection) {
        connections.put(connection.id(), connection);
    }

    public Connection get(String id) {
        return connections.get(id);
    }

    public Connection remove(String id) {
        return connections.remove(id);
    }

    public Collection<Connection> all() {
        return connections.values();
    }

    /** Counts a connection for its user; false (and not counted) when the user is at {@code cap}. */
    public boolean claimUserSlot(String userId, int cap) {
        boolean[] claimed = {false};
        perUser.compute(userId, (u, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (c.get() < cap) {
                c.incrementAndGet();
                claimed[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return claimed[0];
    }

    public void releaseUserSlot(String userId) {
        perUser.computeIfPresent(userId, (u, c) -> c.decrementAndGet() <= 0 ? null : c);
    }
}
