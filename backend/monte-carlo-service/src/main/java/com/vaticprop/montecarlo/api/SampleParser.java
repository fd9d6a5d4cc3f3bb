package com.vaticprop.montecarlo.api;

import com.vaticprop.montecarlo.spec.SampleJson;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads an explicit sample: {@code {"roundTrips": [...]}} or {@code {"days": [...]}}, each entry checked by field. */
final class SampleParser {

    private SampleParser() {
    }

    static SampleJson parse(JsonNode sample, BodyReader in) {
        if (sample == null || sample.isNull()) {
            in.error("sample", "is required");
            return null;
        }
        boolean trips = BodyReader.present(sample, "roundTrips");
        boolean days = BodyReader.present(sample, "days");
        if (trips == days) {
            in.error("sample", "give exactly one of roundTrips or days");
            return null;
        }
        JsonNode list = sample.get(trips ? "roundTrips" : "days");
        String base = "sample." + (trips ? "roundTrips" : "days");
        if (!list.isArray()) {
            in.error(base, "must be an array");
            return null;
        }
        int max = trips ? SimulationLimits.MAX_ROUND_TRIPS : SimulationLimits.MAX_DAYS;
        if (list.size() > max) {
            in.error(base, "at most " + max + " entries");
            return null;
        }
        int before = in.errors().size();
        if (trips) {
            List<SampleJson.Trip> out = new ArrayList<>();
            for (int i = 0; i < list.size() && in.errors().size() - before < 20; i++) {
                out.add(trip(list.get(i), base + "[" + i + "]", in));
            }
            return in.errors().size() > before ? null : new SampleJson(out, null);
        }
        List<SampleJson.Day> out = new ArrayList<>();
        for (int i = 0; i < list.size() && in.errors().size() - before < 20; i++) {
            out.add(day(list.get(i), base + "[" + i + "]", in));
        }
        return in.errors().size() > before ? null : new SampleJson(null, out);
    }

    private static SampleJson.Trip trip(JsonNode t, String path, BodyReader in) {
        Instant closed = in.instant(t, "closedAt", path + ".closedAt", true);
        Instant opened = in.instant(t, "openedAt", path + ".openedAt", false);
        BigDecimal pnl = in.decimal(t, "pnl", path + ".pnl", true);
        BigDecimal notional = in.decimal(t, "notional", path + ".notional", true);
        BigDecimal worst = in.decimal(t, "worstOpenPnl", path + ".worstOpenPnl", false);
        if (opened != null && closed != null && opened.isAfter(closed)) {
            in.error(path + ".openedAt", "must not be after closedAt");
        }
        if (notional != null && notional.signum() < 0) {
            in.error(path + ".notional", "must be ≥ 0");
        }
        if (worst != null && worst.signum() > 0) {
            in.error(path + ".worstOpenPnl", "must be ≤ 0");
        }
        return new SampleJson.Trip(opened, closed, pnl, notional, worst);
    }

    private static SampleJson.Day day(JsonNode d, String path, BodyReader in) {
        LocalDate day = in.date(d, "day", path + ".day");
        BigDecimal closeBalance = in.decimal(d, "closeBalance", path + ".closeBalance", true);
        BigDecimal closeEquity = in.decimal(d, "closeEquity", path + ".closeEquity", true);
        BigDecimal dayPnl = in.decimal(d, "dayPnl", path + ".dayPnl", true);
        BigDecimal minEquity = in.decimal(d, "minEquity", path + ".minEquity", true);
        BigDecimal maxEquity = in.decimal(d, "maxEquity", path + ".maxEquity", true);
        if (minEquity != null && closeEquity != null && minEquity.compareTo(closeEquity) > 0) {
            in.error(path + ".minEquity", "must be ≤ closeEquity");
        }
        if (maxEquity != null && closeEquity != null && maxEquity.compareTo(closeEquity) < 0) {
            in.error(path + ".maxEquity", "must be ≥ closeEquity");
        }
        boolean trading = d.hasNonNull("tradingDay") && d.get("tradingDay").asBoolean();
        Integer fills = in.integer(d, "fills", path + ".fills", 0, 0, Integer.MAX_VALUE);
        return new SampleJson.Day(day, closeBalance, closeEquity, dayPnl, minEquity, maxEquity, trading,
                fills == null ? 0 : fills);
    }
}
