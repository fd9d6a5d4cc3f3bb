package com.vaticprop.risk;

/**
 * Told the fraction of paths done (0..1, increasing) after every chunk. Called from the simulation's worker threads,
 * one call at a time; keep it cheap (the service throttles what it publishes).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = fraction -> {
    };

    void progress(double fraction);
}
