package com.vaticprop.websocket.history;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A bounded, least-recently-used, thread-safe map from assessment id to a value this replica also keeps in Redis:
 * what the replica needs to answer a {@code subscribe} while Redis is away (owners, latest snapshots) and what it
 * saves a round trip for otherwise. Written by the fan-out thread, read by the handler threads.
 */
final class LocalCopy<V> {

    private final Map<UUID, V> entries;

    LocalCopy(int maxEntries) {
        this.entries = Collections.synchronizedMap(new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, V> eldest) {
                return size() > maxEntries;
            }
        });
    }

    void put(UUID id, V value) {
        entries.put(id, value);
    }

    V get(UUID id) {
        return entries.get(id);
    }
}
