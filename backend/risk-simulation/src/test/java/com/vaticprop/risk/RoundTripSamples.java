package com.vaticprop.risk;

import com.vaticprop.risk.sample.PnlSample;
import com.vaticprop.risk.sample.RoundTrip;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Round-trip samples for tests. */
final class RoundTripSamples {
    static final Instant T0 = Instant.parse("2026-01-05T08:00:00Z");

    private RoundTripSamples() {
    }

    /** 40 days, 0–4 trips a day (some idle days), P&L ~ N(60, 700), notional 20,000–80,000. */
    static PnlSample.RoundTrips mixed() {
        SplittableRandom r = new SplittableRandom(5);
        List<RoundTrip> trips = new ArrayList<>();
        for (int day = 0; day < 40; day++) {
            int k = r.nextInt(5);
            for (int i = 0; i < k; i++) {
                Instant open = T0.plus(Duration.ofDays(day)).plus(Duration.ofHours(i * 2L));
                trips.add(new RoundTrip(open, open.plus(Duration.ofMinutes(90)),
                        BigDecimal.valueOf(Math.round((60 + 700 * r.nextGaussian()) * 100), 2),
                        BigDecimal.valueOf(20_000 + r.nextInt(60_000)),
                        r.nextBoolean() ? BigDecimal.valueOf(-r.nextInt(500)) : null));
            }
        }
        // the last day must have a trip so that the sample spans 40 days
        Instant open = T0.plus(Duration.ofDays(40));
        trips.add(new RoundTrip(open, open.plusSeconds(60), BigDecimal.TEN, BigDecimal.valueOf(30_000)));
        return new PnlSample.RoundTrips(trips);
    }
}
