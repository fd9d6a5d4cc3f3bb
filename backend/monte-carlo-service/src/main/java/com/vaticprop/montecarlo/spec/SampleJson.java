package com.vaticprop.montecarlo.spec;

import com.vaticprop.risk.sample.PnlSample;
import com.vaticprop.risk.sample.RoundTrip;
import com.vaticprop.trading.account.DayClose;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A P&L sample as stored with a simulation and accepted over HTTP: exactly one of {@code roundTrips} (closed
 * positions, P&L net of fees) or {@code days} (as in {@code assessment.day-closed}).
 */
public record SampleJson(List<Trip> roundTrips, List<Day> days) {

    /** One closed round trip. */
    public record Trip(Instant openedAt, Instant closedAt, BigDecimal pnl, BigDecimal notional,
                       BigDecimal worstOpenPnl) {
    }

    /** One closed day. */
    public record Day(LocalDate day, BigDecimal closeBalance, BigDecimal closeEquity, BigDecimal dayPnl,
                      BigDecimal minEquity, BigDecimal maxEquity, boolean tradingDay, int fills) {
    }

    public boolean hasRoundTrips() {
        return roundTrips != null;
    }

    public int size() {
        return hasRoundTrips() ? roundTrips.size() : days.size();
    }

    public PnlSample toEngine() {
        if (hasRoundTrips()) {
            return new PnlSample.RoundTrips(roundTrips.stream()
                    .map(t -> new RoundTrip(t.openedAt(), t.closedAt(), t.pnl(), t.notional(), t.worstOpenPnl()))
                    .toList());
        }
        return new PnlSample.Days(days.stream()
                .map(d -> new DayClose(d.day(), d.closeBalance(), d.closeEquity(), d.dayPnl(), d.minEquity(),
                        d.maxEquity(), d.tradingDay(), d.fills()))
                .toList());
    }
}
