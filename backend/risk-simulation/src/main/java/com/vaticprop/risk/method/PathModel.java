package com.vaticprop.risk.method;

import com.vaticprop.risk.sample.DaySeries;
import com.vaticprop.risk.sample.DayTable;
import com.vaticprop.risk.sample.PnlSample;
import com.vaticprop.risk.sample.RoundTrip;
import com.vaticprop.risk.sample.Units;
import com.vaticprop.trading.ruleset.DayBoundary;

import java.util.List;
import java.util.function.Supplier;

/**
 * A method bound to its sample: everything estimated once per simulation (the day series, the block length, the
 * parametric fit), and a factory of per-worker {@link DayStream}s that share it read-only.
 */
public final class PathModel {
    private final Method method;
    private final DayTable sampleDays;
    private final Double blockLength;
    private final ParametricFit fit;
    private final Supplier<DayStream> streams;

    private PathModel(Method method, DayTable sampleDays, Double blockLength, ParametricFit fit,
                      Supplier<DayStream> streams) {
        this.method = method;
        this.sampleDays = sampleDays;
        this.blockLength = blockLength;
        this.fit = fit;
        this.streams = streams;
    }

    /**
     * @param minTradeNotional units of notional that make a round trip's day a trading day
     * @throws IllegalArgumentException for the round-trip bootstrap on a sample of days
     */
    public static PathModel of(Method method, PnlSample sample, DayBoundary boundary, long minTradeNotional) {
        DayTable days = DaySeries.of(sample, boundary, minTradeNotional);
        return switch (method) {
            case Method.IidDays m -> new PathModel(m, days, null, null, () -> new IidDayStream(days));
            case Method.StationaryBlock m -> {
                double l = m.meanBlockLength() != null ? m.meanBlockLength()
                        : BlockLength.politisWhite(days.pnlAsDoubles());
                yield new PathModel(m, days, l, null, () -> new StationaryBlockStream(days, l));
            }
            case Method.Normal m -> {
                ParametricFit f = ParametricFit.normal(days);
                yield new PathModel(m, days, null, f, () -> new ParametricStream(f));
            }
            case Method.StudentT m -> {
                ParametricFit f = ParametricFit.studentT(days, m.degreesOfFreedom());
                yield new PathModel(m, days, null, f, () -> new ParametricStream(f));
            }
            case Method.IidRoundTrips m -> {
                if (!(sample instanceof PnlSample.RoundTrips rt)) {
                    throw new IllegalArgumentException("the round-trip bootstrap needs a sample of round trips");
                }
                yield roundTrips(m, rt.trips(), days, boundary, minTradeNotional);
            }
        };
    }

    private static PathModel roundTrips(Method m, List<RoundTrip> trips, DayTable days, DayBoundary boundary,
                                        long minTradeNotional) {
        int n = trips.size();
        long[] pnl = new long[n];
        long[] worst = new long[n];
        boolean[] qualifies = new boolean[n];
        for (int i = 0; i < n; i++) {
            RoundTrip t = trips.get(i);
            pnl[i] = Units.of(t.pnl());
            worst[i] = t.worstOpenPnl() == null ? 0 : Units.of(t.worstOpenPnl());
            qualifies[i] = Units.of(t.notional()) >= minTradeNotional;
        }
        List<List<RoundTrip>> byDay = DaySeries.tripsByDay(trips, boundary);
        int[] counts = byDay.stream().mapToInt(List::size).toArray();
        return new PathModel(m, days, null, null, () -> new RoundTripStream(pnl, worst, qualifies, counts));
    }

    public DayStream newStream() {
        return streams.get();
    }

    public Method method() {
        return method;
    }

    /** The sample as a day series (what day methods resample or fit). */
    public DayTable sampleDays() {
        return sampleDays;
    }

    /** The stationary bootstrap's mean block length in days (given or estimated); {@code null} for other methods. */
    public Double blockLength() {
        return blockLength;
    }

    /** The parametric fit; {@code null} for bootstrap methods. */
    public ParametricFit fit() {
        return fit;
    }
}
