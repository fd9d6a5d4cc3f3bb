package com.vaticprop.trading.ruleset;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Where a tier's trading day starts: a wall-clock time in a zone (e.g. 00:00 Europe/Prague). All day arithmetic goes
 * through {@link ZonedDateTime} so that a 23- or 25-hour day around a DST change is still exactly one day.
 * A day is labelled with the local date on which it starts.
 */
public record DayBoundary(ZoneId zone, LocalTime time) {
    public DayBoundary {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(time, "time");
    }

    public static DayBoundary of(String zone, String time) {
        return new DayBoundary(ZoneId.of(zone), LocalTime.parse(time));
    }

    /** The trading day an instant belongs to. */
    public LocalDate dayOf(Instant instant) {
        LocalDate local = instant.atZone(zone).toLocalDate();
        return instant.isBefore(startOf(local)) ? local.minusDays(1) : local;
    }

    /** The instant a trading day starts (a boundary inside a DST gap moves forward, as the zone rules say). */
    public Instant startOf(LocalDate day) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    /** The first boundary strictly after {@code instant}: when the day that contains it closes. */
    public Instant endOfDayContaining(Instant instant) {
        return startOf(dayOf(instant).plusDays(1));
    }
}
