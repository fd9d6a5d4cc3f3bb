package com.vaticprop.report.api;

import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.report.analytics.OperatorAnalytics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/** Operator analytics (ADMIN only): JSON and the same figures as CSV. */
@RestController
@Tag(name = "analytics")
public class AnalyticsController {

    static final int MAX_RANGE_DAYS = 3660;

    private final OperatorAnalytics analytics;
    private final Clock clock;

    public AnalyticsController(OperatorAnalytics analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @GetMapping("/analytics/operator")
    @Operation(summary = "Pass/fail per tier and period, failure reasons, median days to pass, revenue, active")
    public OperatorAnalytics.Report json(@RequestParam(required = false) String from,
                                         @RequestParam(required = false) String to,
                                         @RequestParam(required = false) String period, Authentication auth) {
        return compute(from, to, period, auth);
    }

    @GetMapping("/analytics/operator.csv")
    @Operation(summary = "The operator analytics as CSV (section,tier,key,metric,value)")
    public ResponseEntity<String> csv(@RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String period, Authentication auth) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"operator-analytics.csv\"")
                .body(OperatorAnalytics.csv(compute(from, to, period, auth)));
    }

    private OperatorAnalytics.Report compute(String from, String to, String period, Authentication auth) {
        if (!Reader.of(auth).admin()) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "Operator analytics are for admins.");
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate t = date("to", to, today);
        LocalDate f = date("from", from, t.minusDays(89));
        if (f.isAfter(t) || ChronoUnit.DAYS.between(f, t) > MAX_RANGE_DAYS) {
            throw invalid("from", "must not be after 'to', and the range at most " + MAX_RANGE_DAYS + " days");
        }
        OperatorAnalytics.Period p;
        try {
            p = period == null ? OperatorAnalytics.Period.MONTH : OperatorAnalytics.Period.valueOf(period.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw invalid("period", "must be one of day, week, month");
        }
        return analytics.compute(f, t, p);
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(field, "must be a date YYYY-MM-DD");
        }
    }

    private static ApiProblemException invalid(String field, String message) {
        return new ApiProblemException(HttpStatus.BAD_REQUEST, "validation", "The request has invalid fields.")
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
