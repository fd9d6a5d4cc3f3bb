package com.vaticprop.montecarlo.api;

/** The request limits of issue 8, in one place for the parser, the README and the tests. */
public final class SimulationLimits {
    public static final int MAX_PATHS = 10_000_000;
    public static final int MAX_HORIZON_DAYS = 365;
    public static final int DEFAULT_PATHS = 10_000;
    public static final int DEFAULT_HORIZON_DAYS = 30;
    public static final int MAX_ROUND_TRIPS = 50_000;
    public static final int MAX_DAYS = 10_000;

    private SimulationLimits() {
    }
}
