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

    public Collection<Connection> all() {
        return connections.values();
    }

    /**
     * Counts {@code connection} for its user unless the user is at {@code cap} or the connection has already
     * closed ({@link #end}); a connection holds at most one slot.
     */
    public Connection.SlotClaim claimUserSlot(Connection connection, String userId, int cap) {
        return connection.claimSlot(userId, () -> claim(userId, cap));
    }

    /**
     * The socket {@code id} closed: forgets the connection and gives back its user's slot. Returns the connection,
     * or null when it was unknown (already ended).
     */
    public Connection end(String id) {
        Connection connection = connections.remove(id);
        if (connection != null) {
            String user = connection.end();
            if (user != null) {
                perUser.computeIfPresent(user, (u, c) -> c.decrementAndGet() <= 0 ? null : c);
            }
        }
        return connection;
    }

    /** Connections counted for {@code userId} on this replica. */
    public int slotsHeld(String userId) {
        AtomicInteger count = perUser.get(userId);
        return count == null ? 0 : count.get();
    }

    private boolean claim(String userId, int cap) {
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
}
