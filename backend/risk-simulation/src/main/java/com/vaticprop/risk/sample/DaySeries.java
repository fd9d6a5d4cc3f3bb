package com.vaticprop.risk.sample;

import com.vaticprop.trading.account.DayClose;
import com.vaticprop.trading.ruleset.DayBoundary;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a sample into its sequence of days (a {@link DayTable} in calendar order), which the day bootstrap, the block
 * bootstrap and the parametric fit all work on.
 *
 * <p>Round trips are grouped by the sample's own day structure: the trading day (in the tier's day boundary) on which
 * each closed, every calendar day from the first to the last included (idle days are days too: they dilute the day
 * P&L distribution exactly as they dilute a real assessment). Within a day the trips are taken in closing order;
 * the day's balance runs through the realized P&L, so its equity low is the lowest running balance, or running balance
 * + {@code worstOpenPnl} of the trip then held.
 */
public final class DaySeries {
    private DaySeries() {
    }

    /**
     * @param minTradeNotional a trip of at least this notional (units) makes its day a trading day
     */
    public static DayTable of(PnlSample sample, DayBoundary boundary, long minTradeNotional) {
        return switch (sample) {
            case PnlSample.Days d -> fromDays(d.days());
            case PnlSample.RoundTrips t -> fromTrips(t.trips(), boundary, minTradeNotional);
        };
    }

    static DayTable fromDays(List<DayClose> days) {
        DayTable t = new DayTable(days.size());
        for (int i = 0; i < days.size(); i++) {
            DayClose d = days.get(i);
            long close = Units.of(d.closeEquity());
            long pnl = Units.of(d.dayPnl());
            long open = close - pnl;
            long carry = close - Units.of(d.closeBalance());
            t.set(i, pnl, Units.of(d.minEquity()) - open, Units.of(d.maxEquity()) - open, carry, 0, d.tradingDay(),
                    d.fills() > 0 || d.tradingDay());
        }
        return t;
    }

    static DayTable fromTrips(List<RoundTrip> trips, DayBoundary boundary, long minTradeNotional) {
        List<List<RoundTrip>> byDay = tripsByDay(trips, boundary);
        DayTable t = new DayTable(byDay.size());
        for (int i = 0; i < byDay.size(); i++) {
            DayBuilder b = new DayBuilder();
            for (RoundTrip trip : byDay.get(i)) {
                b.add(Units.of(trip.pnl()), trip.worstOpenPnl() == null ? 0 : Units.of(trip.worstOpenPnl()),
                        Units.of(trip.notional()) >= minTradeNotional);
            }
            b.writeTo(t, i);
        }
        return t;
    }

    /** Round trips per calendar day of the sample, idle days included as empty lists. */
    public static List<List<RoundTrip>> tripsByDay(List<RoundTrip> trips, DayBoundary boundary) {
        LocalDate first = boundary.dayOf(trips.getFirst().closedAt());
        LocalDate last = boundary.dayOf(trips.getLast().closedAt());
        int n = (int) ChronoUnit.DAYS.between(first, last) + 1;
        List<List<RoundTrip>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>());
        }
        for (RoundTrip trip : trips) {
            out.get((int) ChronoUnit.DAYS.between(first, boundary.dayOf(trip.closedAt()))).add(trip);
        }
        return out;
    }

    /** Accumulates one day of round trips, in order; shared by the sample conversion and the round-trip bootstrap. */
    public static final class DayBuilder {
        private long realized;
        private long low;
        private long high;
        private long balLow;
        private boolean trading;
        private boolean active;

        public void reset() {
            realized = 0;
            low = 0;
            high = 0;
            balLow = 0;
            trading = false;
            active = false;
        }

        public void add(long pnl, long worstOpenPnl, boolean qualifies) {
            low = Math.min(low, realized + worstOpenPnl);
            realized += pnl;
            low = Math.min(low, realized);
            high = Math.max(high, realized);
            balLow = Math.min(balLow, realized);
            trading |= qualifies;
            active = true;
        }

        public void writeTo(DayTable t, int row) {
            t.set(row, realized, low, high, 0, balLow, trading, active);
        }
    }
}
