package com.vaticprop.core.assessment;

import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Assessments of the caller (TRADER) and of everyone (ADMIN, under /admin). */
@RestController
@Tag(name = "assessments", description = "Lifecycle and live state of assessments")
class AssessmentController {

    private static final Set<String> STATUSES = Set.of("CREATED", "ACTIVE", "PAUSED", "PASSED", "FAILED",
            "ABANDONED");

    record FailRequest(String reason) {
    }

    record ExtendRequest(Integer days, String reason) {
    }

    record VoidRequest(String reason) {
    }

    private final AssessmentQueries queries;
    private final AssessmentCommands commands;
    private final com.vaticprop.core.engine.ReplayService replays;
    private final com.vaticprop.core.engine.BreachEvidence evidence;
    private final BreachVoiding voiding;

    AssessmentController(AssessmentQueries queries, AssessmentCommands commands,
                         com.vaticprop.core.engine.ReplayService replays,
                         com.vaticprop.core.engine.BreachEvidence evidence, BreachVoiding voiding) {
        this.evidence = evidence;
        this.voiding = voiding;
        this.queries = queries;
        this.commands = commands;
        this.replays = replays;
    }

    @PostMapping("/admin/assessments/{id}/replay")
    @Operation(summary = "ADMIN: re-derive fills and verdict from the stored orders and quotes and list every "
            + "difference from what was recorded (the basis for settling a dispute)")
    com.vaticprop.core.engine.ReplayService.Report replay(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        Caller.admin(jwt);
        return replays.replay(id);
    }

    @GetMapping("/admin/assessments/{id}/violations/{violationId}/evidence")
    @Operation(summary = "ADMIN: a breach with its quote and explanation next to the ticks of every venue for that "
            + "instrument from the evidence window before to the window after it (the breach quote flagged) — what "
            + "an operator weighs before voiding a breach as a bad tick")
    com.vaticprop.core.engine.BreachEvidence.Evidence evidence(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                                               @PathVariable UUID violationId) {
        Caller.admin(jwt);
        return evidence.of(id, violationId).orElseThrow(() -> new com.vaticprop.platform.web.ApiProblemException(
                org.springframework.http.HttpStatus.NOT_FOUND, "not-found", "No such violation of this assessment."));
    }

    @PostMapping("/admin/assessments/{id}/violations/{violationId}/void")
    @Operation(summary = "ADMIN: void the breach that failed the assessment as a bad tick, with a written reason: the "
            + "assessment returns to its exact pre-breach state (positions, working orders, balance; ACTIVE or "
            + "PAUSED), the bad tick's fills and the liquidation no longer count, then it is marked at the current "
            + "market. Audited; the trader gets assessment.reinstated and an e-mail. 409 when the violation is not "
            + "the one that failed it, is already void, or was not measured on a quote")
    BreachVoiding.Outcome voidBreach(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                     @PathVariable UUID violationId, @RequestBody VoidRequest request) {
        Caller admin = Caller.admin(jwt);
        if (request == null || request.reason() == null || request.reason().isBlank()
                || request.reason().length() > 500) {
            throw new FieldErrorsException(List.of(new FieldError("reason", "is required (at most 500 characters)")));
        }
        return voiding.voidBreach(id, violationId, admin, request.reason().strip());
    }

    @GetMapping("/assessments")
    @Operation(summary = "Your assessments, newest first; filter by status; page with the returned nextCursor")
    AssessmentQueries.Page list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(defaultValue = "50") int limit) {
        return queries.list(Caller.of(jwt).userId(), status(status), cursor, limit(limit));
    }

    @GetMapping("/assessments/{id}")
    @Operation(summary = "One of your assessments with its account (balance, equity, open and today's P&L) and "
            + "every rule's value, limit, distance and explanation; 404 if not yours")
    AssessmentView get(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return queries.get(id, Caller.of(jwt)).orElseThrow(AssessmentController::notFound);
    }

    @PostMapping("/assessments/{id}/start")
    @Operation(summary = "CREATED → ACTIVE: the account is funded and the clock starts; 409 from any other state")
    AssessmentView start(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        Caller caller = Caller.of(jwt);
        commands.start(id, caller);
        return get(jwt, id);
    }

    @PostMapping("/assessments/{id}/pause")
    @Operation(summary = "ACTIVE → PAUSED: no new orders; open positions stay at risk and time runs")
    AssessmentView pause(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        commands.pause(id, Caller.of(jwt));
        return get(jwt, id);
    }

    @PostMapping("/assessments/{id}/resume")
    @Operation(summary = "PAUSED → ACTIVE")
    AssessmentView resume(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        commands.resume(id, Caller.of(jwt));
        return get(jwt, id);
    }

    @PostMapping("/assessments/{id}/abandon")
    @Operation(summary = "CREATED, ACTIVE or PAUSED → ABANDONED (reason TRADER); final")
    AssessmentView abandon(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        commands.abandon(id, Caller.of(jwt));
        return get(jwt, id);
    }

    @GetMapping("/admin/assessments")
    @Operation(summary = "ADMIN: every assessment, newest first; filter by status and userId")
    AssessmentQueries.Page adminList(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String status,
                                     @RequestParam(required = false) UUID userId,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(defaultValue = "50") int limit) {
        Caller.admin(jwt);
        return queries.list(userId, status(status), cursor, limit(limit));
    }

    @PostMapping("/admin/assessments/{id}/fail")
    @Operation(summary = "ADMIN: fail an ACTIVE or PAUSED assessment now (reason ADMIN), with a written reason")
    AssessmentView forceFail(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                             @RequestBody FailRequest request) {
        Caller admin = Caller.admin(jwt);
        if (request == null || request.reason() == null || request.reason().isBlank()
                || request.reason().length() > 500) {
            throw new FieldErrorsException(List.of(new FieldError("reason", "is required (at most 500 characters)")));
        }
        commands.forceFail(id, admin, request.reason().strip());
        return get(jwt, id);
    }

    @PostMapping("/admin/assessments/{id}/extend")
    @Operation(summary = "ADMIN: extend the current phase's maximum duration by 1–365 days, with a written reason")
    AssessmentView extend(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                          @RequestBody ExtendRequest request) {
        Caller admin = Caller.admin(jwt);
        List<FieldError> errors = new java.util.ArrayList<>();
        if (request == null || request.days() == null || request.days() < 1 || request.days() > 365) {
            errors.add(new FieldError("days", "must be between 1 and 365"));
        }
        if (request == null || request.reason() == null || request.reason().isBlank()
                || request.reason().length() > 500) {
            errors.add(new FieldError("reason", "is required (at most 500 characters)"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        commands.extend(id, admin, request.days(), request.reason().strip());
        return get(jwt, id);
    }

    private static String status(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip().toUpperCase(Locale.ROOT);
        if (!STATUSES.contains(s)) {
            throw new FieldErrorsException(List.of(new FieldError("status", "must be one of " + STATUSES)));
        }
        return s;
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 200) {
            throw new FieldErrorsException(List.of(new FieldError("limit", "must be between 1 and 200")));
        }
        return limit;
    }

    private static ApiProblemException notFound() {
        return new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such assessment.");
    }
}
