package com.vaticprop.platform.health;

/** One dependency whose reachability decides whether the service takes traffic. */
public interface ReadinessCheck {

    /** Short name shown in /ready: postgres, redis, kafka. */
    String name();

    /** Returns normally when the dependency is usable; throws with the reason when not. */
    void check() throws Exception;
}
