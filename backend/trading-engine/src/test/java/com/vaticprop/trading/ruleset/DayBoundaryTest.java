package com.vaticprop.trading.ruleset;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class DayBoundaryTest {

    @Test
    void pragueMidnightFollowsDaylightSavingTime() {
        DayBoundary prague = DayBoundary.of("Europe/Prague", "00:00");
        // winter: midnight Prague = 23:00 UTC the day before
        assertThat(prague.startOf(LocalDate.parse("2026-03-28"))).isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
        // summer (after the 29 March 2026 change): midnight Prague = 22:00 UTC
        assertThat(prague.startOf(LocalDate.parse("2026-03-30"))).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        // the change day itself has 23 hours
        assertThat(Duration.between(prague.startOf(LocalDate.parse("2026-03-29")),
                prague.startOf(LocalDate.parse("2026-03-30")))).isEqualTo(Duration.ofHours(23));
        assertThat(prague.dayOf(Instant.parse("2026-03-29T22:30:00Z"))).isEqualTo(LocalDate.parse("2026-03-30"));
        assertThat(prague.dayOf(Instant.parse("2026-03-29T21:59:59Z"))).isEqualTo(LocalDate.parse("2026-03-29"));
    }

    @Test
    void nonMidnightBoundaryLabelsTheDayByItsStart() {
        DayBoundary ny = DayBoundary.of("America/New_York", "17:00");
        Instant beforeClose = Instant.parse("2026-07-01T20:59:00Z"); // 16:59 EDT
        Instant afterClose = Instant.parse("2026-07-01T21:00:00Z");
        assertThat(ny.dayOf(beforeClose)).isEqualTo(LocalDate.parse("2026-06-30"));
        assertThat(ny.dayOf(afterClose)).isEqualTo(LocalDate.parse("2026-07-01"));
        assertThat(ny.endOfDayContaining(beforeClose)).isEqualTo(afterClose);
    }

    @Test
    void aBoundaryInsideTheSpringGapMovesForward() {
        DayBoundary gap = DayBoundary.of("Europe/Prague", "02:30");
        assertThat(gap.startOf(LocalDate.parse("2026-03-29"))).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    }
}
