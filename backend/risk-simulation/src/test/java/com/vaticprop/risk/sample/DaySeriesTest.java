package com.vaticprop.risk.sample;

import com.vaticprop.trading.account.DayClose;
import com.vaticprop.trading.ruleset.DayBoundary;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DaySeriesTest {
    static final DayBoundary PRAGUE = DayBoundary.of("Europe/Prague", "00:00");

    static RoundTrip trip(String closedAt, String pnl, String notional, String worst) {
        Instant c = Instant.parse(closedAt);
        return new RoundTrip(c.minusSeconds(600), c, new BigDecimal(pnl), new BigDecimal(notional),
                worst == null ? null : new BigDecimal(worst));
    }

    @Test
    void roundTripsAreGroupedByTheTiersDayWithIdleDaysKept() {
        var sample = new PnlSample.RoundTrips(List.of(
                trip("2026-03-02T10:00:00Z", "300", "50000", null),
                trip("2026-03-02T12:00:00Z", "-500", "10000", "-200"),
                // 23:30 UTC on the 2nd is 00:30 on the 3rd in Prague
                trip("2026-03-02T23:30:00Z", "100", "1000", null),
                trip("2026-03-05T09:00:00Z", "50", "1000", null)));
        DayTable t = DaySeries.of(sample, PRAGUE, Units.of(new BigDecimal("5000")));
        assertThat(t.size()).isEqualTo(4); // 2nd, 3rd, 4th (idle), 5th
        // day 1: +300 then a trip dipping 200 below that before closing −500: low = min(300 − 200, −200) = −200
        assertThat(t.pnl[0]).isEqualTo(Units.of(new BigDecimal("-200")));
        assertThat(t.low[0]).isEqualTo(Units.of(new BigDecimal("-200")));
        assertThat(t.high[0]).isEqualTo(Units.of(new BigDecimal("300")));
        assertThat(t.balLow[0]).isEqualTo(Units.of(new BigDecimal("-200")));
        assertThat(t.flags[0]).isEqualTo((byte) (DayTable.TRADING | DayTable.ACTIVE));
        assertThat(t.flags[1]).isEqualTo(DayTable.ACTIVE); // 1,000 notional < 5,000: active, not a trading day
        assertThat(t.flags[2]).isZero();
        assertThat(t.pnl[2]).isZero();
    }

    @Test
    void dayClosedEventsKeepTheirIntradayRangeAndCarry() {
        var d = new DayClose(LocalDate.parse("2026-03-02"), new BigDecimal("100500"), new BigDecimal("100800"),
                new BigDecimal("800"), new BigDecimal("99100"), new BigDecimal("101000"), true, 3);
        DayTable t = DaySeries.of(new PnlSample.Days(List.of(d)), PRAGUE, 0);
        assertThat(t.pnl[0]).isEqualTo(Units.of(new BigDecimal("800")));
        assertThat(t.low[0]).isEqualTo(Units.of(new BigDecimal("-900")));
        assertThat(t.high[0]).isEqualTo(Units.of(new BigDecimal("1000")));
        assertThat(t.carry[0]).isEqualTo(Units.of(new BigDecimal("300")));
    }

    @Test
    void halfEvenPercentagesMatchMoney() {
        // 4.5% of 101,234.56789012 = 4,555.55555505540 → 4,555.55555506 (HALF_EVEN at 8 decimals)
        long anchor = Units.of(new BigDecimal("101234.56789012"));
        assertThat(Units.mulDivHalfEven(anchor, 45, 1000)).isEqualTo(Units.of(
                com.vaticprop.trading.money.Money.pctOf(new BigDecimal("4.5"), new BigDecimal("101234.56789012"))));
        assertThat(Units.divHalfEven(5, 2)).isEqualTo(2);
        assertThat(Units.divHalfEven(7, 2)).isEqualTo(4);
        assertThat(Units.divHalfEven(-5, 2)).isEqualTo(-2);
        assertThat(Units.divHalfEven(-7, 2)).isEqualTo(-4);
        // 128-bit path: (2^62 − 1) × 10 / 20 = 2^61 − 0.5 → HALF_EVEN → 2^61 (even)
        assertThat(Units.mulDivHalfEven(Long.MAX_VALUE / 2, 10, 20)).isEqualTo(1L << 61);
    }
}
