package com.vaticprop.core.identity;

import com.vaticprop.core.admin.AdminAuditLog;
import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.security.Role;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An admin who lost both authenticator and recovery codes is reset by another admin (never by themselves: that
 * would let a stolen admin session swap the second factor): the secret and recovery codes are deleted, every session
 * of that admin revoked, and the next login starts enrolment again. Audited.
 */
@RestController
@Tag(name = "admin", description = "Operator actions")
class AdminTwoFactorController {

    record ResetRequest(String reason) {
    }

    private final UserRepository users;
    private final SessionRepository sessions;
    private final JdbcClient jdbc;
    private final AdminAuditLog audit;
    private final Transactions transactions;
    private final java.time.Clock clock;

    AdminTwoFactorController(UserRepository users, SessionRepository sessions, JdbcClient jdbc, AdminAuditLog audit,
                             Transactions transactions, java.time.Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    @PostMapping("/admin/users/{id}/totp/reset")
    @Operation(summary = "ADMIN: remove another admin's authenticator and recovery codes; they enrol again at the "
            + "next login (audited)")
    ResponseEntity<Void> reset(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                               @RequestBody(required = false) ResetRequest request) {
        Caller admin = Caller.admin(jwt);
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new FieldErrorsException(List.of(new FieldError("reason", "is required")));
        }
        if (admin.userId().equals(id)) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "own-second-factor",
                    "Another admin must reset your authenticator.");
        }
        transactions.run(() -> {
            User target = users.findById(id).filter(u -> u.role() == Role.ADMIN && u.active()).orElseThrow(() ->
                    new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No such admin."));
            int removed = jdbc.sql("DELETE FROM user_totp WHERE user_id = ?").param(target.id()).update();
            jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(target.id()).update();
            sessions.revokeAllOfUser(target.id(), "ADMIN", clock.instant());
            audit.record(admin.userId(), "user.totp-reset", target.id().toString(), Map.of("enrolled", removed > 0),
                    Map.of("enrolled", false), request.reason().strip());
        });
        return ResponseEntity.noContent().build();
    }
}
