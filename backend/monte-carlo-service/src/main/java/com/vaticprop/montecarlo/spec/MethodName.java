package com.vaticprop.montecarlo.spec;

import com.vaticprop.risk.method.Method;

/** The API names of the engine's resampling methods. */
public enum MethodName {
    IID_ROUND_TRIPS, IID_DAYS, STATIONARY_BLOCK, NORMAL, STUDENT_T;

    /** The engine's method; {@code blockLength} / {@code degreesOfFreedom} only where they apply (null = estimated). */
    public Method toMethod(Double blockLength, Double degreesOfFreedom) {
        return switch (this) {
            case IID_ROUND_TRIPS -> new Method.IidRoundTrips();
            case IID_DAYS -> new Method.IidDays();
            case STATIONARY_BLOCK -> new Method.StationaryBlock(blockLength);
            case NORMAL -> new Method.Normal();
            case STUDENT_T -> new Method.StudentT(degreesOfFreedom);
        };
    }

    /** Resampling round trips needs round trips; every other method works on days (round trips are grouped). */
    public boolean needsRoundTrips() {
        return this == IID_ROUND_TRIPS;
    }
}
