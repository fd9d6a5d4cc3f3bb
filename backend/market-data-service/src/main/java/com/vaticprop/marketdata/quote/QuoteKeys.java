package com.vaticprop.marketdata.quote;

import com.vaticprop.platform.boot.RedisKeys;

/**
 * The Redis keys of the latest-price cache, under the deployment's key prefix ({@code vatic.redis.key-prefix}; tests
 * give each class its own). Listed in README.md for other services that read prices straight from Redis.
 */
public record QuoteKeys(RedisKeys keys) {

    /** Hash: the latest quote of one instrument plus its book's last confirmation time; expires after the TTL. */
    public String quote(String instrument) {
        return keys.key("marketdata:quote:" + instrument);
    }

    /** List, newest first: the instrument's recent distinct quotes (JSON), capped. */
    public String history(String instrument) {
        return keys.key("marketdata:history:" + instrument);
    }

    /** Set: every instrument that has had a quote, a status or a resolution. */
    public String instruments() {
        return keys.key("marketdata:instruments");
    }

    /** Hash: instrument → latest market status JSON {@code {"status","at"}}. */
    public String statuses() {
        return keys.key("marketdata:status");
    }

    /** Hash: instrument → resolution JSON {@code {"settlementPrice"|"voided","resolvedAt","source"}}. */
    public String resolutions() {
        return keys.key("marketdata:resolutions");
    }
}
