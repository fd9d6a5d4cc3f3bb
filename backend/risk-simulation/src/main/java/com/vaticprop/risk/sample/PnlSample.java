package com.vaticprop.risk.sample;

import com.vaticprop.trading.account.DayClose;

import java.util.Comparator;
import java.util.List;

/**
 * What a simulation resamples: either closed round trips with their timestamps, or closed days as published in
 * {@code assessment.day-closed} (the engine's {@link DayClose}: close balance and equity, day P&L, the day's minimum and
 * maximum equity, trading-day flag, fills).
 */
public sealed interface PnlSample {
    int size();

    record RoundTrips(List<RoundTrip> trips) implements PnlSample {
        public RoundTrips {
            if (trips == null || trips.isEmpty()) {
                throw new IllegalArgumentException("a round-trip sample needs at least one round trip");
            }
            trips = trips.stream().sorted(Comparator.comparing(RoundTrip::closedAt)).toList();
        }

        @Override
        public int size() {
            return trips.size();
        }
    }

    record Days(List<DayClose> days) implements PnlSample {
        public Days {
            if (days == null || days.isEmpty()) {
                throw new IllegalArgumentException("a day sample needs at least one day");
            }
            days = days.stream().sorted(Comparator.comparing(DayClose::day)).toList();
        }

        @Override
        public int size() {
            return days.size();
        }
    }
}
