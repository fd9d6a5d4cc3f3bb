package com.vaticprop.core.privacy;

import com.vaticprop.core.identity.AccountErasure;
import com.vaticprop.core.support.FieldErrorsException;
import com.vaticprop.core.web.Caller;
import com.vaticprop.platform.web.ApiProblemException;
import com.vaticprop.trading.ruleset.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A user's own data (export) and account deletion; admins delete accounts on request (audited). */
@RestController
@Tag(name = "privacy", description = "Data export and account deletion")
class PrivacyController {

    record DeleteRequest(String password) {
        @Override
        public String toString() {
            return "DeleteRequest[***]";
        }
    }

    record AdminDeleteRequest(String reason) {
    }

    private final DataExport export;
    private final AccountDeletion deletion;
    private final AccountErasure erasure;

    PrivacyController(DataExport export, AccountDeletion deletion, AccountErasure erasure) {
        this.export = export;
        this.deletion = deletion;
        this.erasure = erasure;
    }

    @GetMapping("/me/export")
    @Operation(summary = "Everything core-service holds about you, as one JSON document")
    ResponseEntity<Map<String, Object>> export(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.of(jwt);
        if (erasure.activeRole(caller.userId()).isEmpty()) {
            throw new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No user for this token.");
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"vatic-prop-export.json\"")
                .body(export.export(caller.userId()));
    }

    @DeleteMapping("/me")
    @Operation(summary = "Delete your account (confirm with your password): personal data is removed, financial "
            + "and audit records are kept under your (now anonymous) id; 409 while an assessment or payment is open")
    ResponseEntity<Void> deleteMe(@AuthenticationPrincipal Jwt jwt, @RequestBody(required = false) DeleteRequest request) {
        Caller caller = Caller.of(jwt);
        if (request == null || request.password() == null || request.password().isEmpty()) {
            throw new FieldErrorsException(List.of(new FieldError("password", "is required")));
        }
        if (!erasure.passwordMatches(caller.userId(), request.password())) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "wrong-password",
                    "The password is wrong; the account was not deleted.");
        }
        deletion.delete(caller.userId(), null, null);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/admin/users/{id}")
    @Operation(summary = "ADMIN: delete (anonymise) a user's account, e.g. on an erasure request; audited")
    ResponseEntity<Void> deleteUser(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                    @RequestBody(required = false) AdminDeleteRequest request) {
        Caller admin = Caller.admin(jwt);
        if (request == null || request.reason() == null || request.reason().isBlank()) {
            throw new FieldErrorsException(List.of(new FieldError("reason", "is required")));
        }
        deletion.delete(id, admin.userId(), request.reason().strip());
        return ResponseEntity.noContent().build();
    }
}
