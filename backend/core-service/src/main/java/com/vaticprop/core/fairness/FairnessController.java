package com.vaticprop.core.fairness;

import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fairness reports for operators (ADMIN only): periodic ones, and on demand for any period of up to 31 days. */
@RestController
@Tag(name = "admin", description = "Operator actions")
class FairnessController {

    static final Duration MAX_PERIOD = Duration.ofDays(31);

    record ReportRequest(String from, String to) {
    }

    private final FairnessReports reports;

    FairnessController(FairnessReports reports) {
        this.reports = reports;
    }

    @PostMapping("/admin/fairness/reports")
    @Operation(summary = "ADMIN: analyse [from, to) now for cross-account hedging, copy trading and latency "
            + "arbitrage; the report is stored and the request audited")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal Jwt jwt,
                                               @RequestBody(required = false) ReportRequest request) {
        Caller admin = Caller.admin(jwt);
        List<FieldError> errors = new ArrayList<>();
        Instant from = instant(errors, "from", request == null ? null : request.from());
        Instant to = instant(errors, "to", request == null ? null : request.to());
        if (from != null && to != null && (!to.isAfter(from) || Duration.between(from, to).compareTo(MAX_PERIOD) > 0)) {
            errors.add(new FieldError("to", "must be after from, at most 31 days later"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        Map<String, Object> report = reports.onDemand(admin.userId(), from, to);
        return ResponseEntity.created(URI.create("/admin/fairness/reports/" + report.get("id"))).body(report);
    }

    @GetMapping("/admin/fairness/reports")
    @Operation(summary = "ADMIN: stored reports, newest first, with the number of findings per pattern")
    List<Map<String, Object>> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(defaultValue = "50") int limit) {
        Caller.admin(jwt);
        if (limit < 1 || limit > 500) {
            throw new FieldErrorsException(List.of(new FieldError("limit", "must be between 1 and 500")));
        }
        return reports.list(limit);
    }

    @GetMapping("/admin/fairness/reports/{id}")
    @Operation(summary = "ADMIN: one report with every finding and its evidence")
    Map<String, Object> get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        Caller.admin(jwt);
        return reports.find(id).orElseThrow(() -> new ApiProblemException(HttpStatus.NOT_FOUND, "not-found",
                "No such report."));
    }

    private static Instant instant(List<FieldError> errors, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        try {
            return Instant.parse(raw.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be an ISO-8601 instant"));
            return null;
        }
    }
}
