package com.vaticprop.platform.boot;

/**
 * The key prefix of this deployment's Redis keys; tests give every class its own so that a shared Redis server
 * never mixes their keys.
 */
public record RedisKeys(String prefix) {

    public String key(String suffix) {
        return prefix + suffix;
    }
}
