package com.vaticprop.core.admin;

import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.trading.ruleset.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The admin audit trail: read-only, ADMIN only. There is deliberately no endpoint that changes or removes entries. */
@RestController
@Tag(name = "admin", description = "Operator actions")
class AdminAuditController {

    record Entry(long seq, UUID id, Instant at, UUID actor, String action, String subject, JsonNode before,
                 JsonNode after, String reason, String hash) {
        static Entry of(AuditEntry e) {
            return new Entry(e.seq(), e.id(), e.at(), e.actor(), e.action(), e.subject(), json(e.before()),
                    json(e.after()), e.reason(), e.hash());
        }

        private static JsonNode json(String text) {
            return text == null ? null : VaticJson.mapper().readTree(text);
        }
    }

    record Page(List<Entry> items, Long nextBefore) {
    }

    private final AdminAuditQueries queries;

    AdminAuditController(AdminAuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/admin/audit")
    @Operation(summary = "ADMIN: audit entries newest first, filtered by actor, action, subject and time "
            + "[from, to); page with before=<nextBefore>")
    Page list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) String actor,
              @RequestParam(required = false) String action, @RequestParam(required = false) String subject,
              @RequestParam(required = false) String from, @RequestParam(required = false) String to,
              @RequestParam(required = false) String before, @RequestParam(required = false) String limit) {
        Caller.admin(jwt);
        List<FieldError> errors = new ArrayList<>();
        UUID actorId = parse(errors, "actor", actor, UUID::fromString, "must be a user id (UUID)");
        Instant fromAt = parse(errors, "from", from, Instant::parse, "must be an ISO-8601 instant");
        Instant toAt = parse(errors, "to", to, Instant::parse, "must be an ISO-8601 instant");
        Long beforeSeq = parse(errors, "before", before, Long::parseLong, "must be a sequence number");
        Integer size = parse(errors, "limit", limit, Integer::parseInt, "must be between 1 and 500");
        if (size != null && (size < 1 || size > 500)) {
            errors.add(new FieldError("limit", "must be between 1 and 500"));
        }
        if (!errors.isEmpty()) {
            throw new FieldErrorsException(errors);
        }
        int pageSize = size == null ? 100 : size;
        List<AuditEntry> found = queries.find(new AdminAuditQueries.Filter(actorId, blankToNull(action),
                blankToNull(subject), fromAt, toAt, beforeSeq, pageSize));
        Long next = found.size() == pageSize ? found.getLast().seq() : null;
        return new Page(found.stream().map(Entry::of).toList(), next);
    }

    @GetMapping("/admin/audit/verify")
    @Operation(summary = "ADMIN: walks the hash chain; intact=false names the first entry changed or removed")
    Map<String, Object> verify(@AuthenticationPrincipal Jwt jwt) {
        Caller.admin(jwt);
        AdminAuditQueries.Verification v = queries.verify();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("entries", v.entries());
        body.put("intact", v.intact());
        body.put("firstBrokenSeq", v.firstBrokenSeq());
        body.put("problem", v.problem());
        return body;
    }

    private static <T> T parse(List<FieldError> errors, String field, String raw,
                               java.util.function.Function<String, T> parser, String message) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return parser.apply(raw.strip());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(new FieldError(field, message));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
