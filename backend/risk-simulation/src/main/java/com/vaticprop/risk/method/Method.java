package com.vaticprop.risk.method;

/** How paths are generated from the sample (the request's choice). */
public sealed interface Method {
    /** i.i.d. bootstrap of round trips: each simulated day draws a trade count, then that many round trips. */
    record IidRoundTrips() implements Method {
    }

    /** i.i.d. bootstrap of whole days (day P&L with its intraday low/high, carry and flags). */
    record IidDays() implements Method {
    }

    /**
     * Stationary block bootstrap of days (Politis &amp; Romano 1994).
     *
     * @param meanBlockLength mean block length in days; {@code null} = estimated (Politis &amp; White 2004)
     */
    record StationaryBlock(Double meanBlockLength) implements Method {
        public StationaryBlock {
            if (meanBlockLength != null && !(meanBlockLength >= 1)) {
                throw new IllegalArgumentException("meanBlockLength must be ≥ 1");
            }
        }
    }

    /** Day P&L ~ Normal(mean, sd) fitted to the sample's days. */
    record Normal() implements Method {
    }

    /**
     * Day P&L ~ mean + scale × t(ν) fitted to the sample's days.
     *
     * @param degreesOfFreedom ν; {@code null} = fitted from the sample's excess kurtosis
     */
    record StudentT(Double degreesOfFreedom) implements Method {
        public StudentT {
            if (degreesOfFreedom != null && !(degreesOfFreedom > 2)) {
                throw new IllegalArgumentException("degreesOfFreedom must be > 2 (finite variance)");
            }
        }
    }
}
