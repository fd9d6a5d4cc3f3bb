package com.vaticprop.core.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/**
 * Public endpoints of e-mail verification and password reset. The two that take an address answer 202 with the same
 * body whether or not an account exists; the two that take a token answer 204 or {@code 400 invalid-token}.
 */
@RestController
@Tag(name = "identity", description = "Accounts, sessions and access tokens")
class AccountRecoveryController {

    record EmailRequest(String email) {
        @Override
        public String toString() {
            return "EmailRequest[***]";
        }
    }

    record TokenRequest(String token) {
        @Override
        public String toString() {
            return "TokenRequest[***]";
        }
    }

    record ResetRequest(String token, String newPassword) {
        @Override
        public String toString() {
            return "ResetRequest[***]";
        }
    }

    static final Map<String, String> ACCEPTED = Map.of("status", "accepted", "detail",
            "If an account exists for this address, an e-mail is on its way.");

    private final AccountRecovery recovery;

    AccountRecoveryController(AccountRecovery recovery) {
        this.recovery = recovery;
    }

    @PostMapping("/auth/verify-email")
    @Operation(summary = "Confirm the e-mail address with the token from the verification mail (204; 400 invalid-token)")
    ResponseEntity<Void> verify(@RequestBody(required = false) TokenRequest request) {
        recovery.verifyEmail(token(request == null ? null : request.token()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/auth/verify-email/resend")
    @Operation(summary = "Send the verification mail again (202, the same answer for any address)")
    ResponseEntity<Map<String, String>> resend(@RequestBody(required = false) EmailRequest request) {
        recovery.resendVerification(request == null ? null : request.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ACCEPTED);
    }

    @PostMapping("/auth/password-reset")
    @Operation(summary = "Mail a password-reset link (202, the same answer for any address)")
    ResponseEntity<Map<String, String>> requestReset(@RequestBody(required = false) EmailRequest request) {
        recovery.requestReset(request == null ? null : request.email());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(ACCEPTED);
    }

    @PostMapping("/auth/password-reset/confirm")
    @Operation(summary = "Set a new password with the token from the reset mail (204; 400 invalid-token or "
            + "validation); every session of the account is revoked")
    ResponseEntity<Void> confirmReset(@RequestBody(required = false) ResetRequest request) {
        recovery.confirmReset(token(request == null ? null : request.token()),
                request == null ? null : request.newPassword());
        return ResponseEntity.noContent().build();
    }

    /** A missing or absurd token is simply invalid (the same answer as a wrong one). */
    private static String token(String raw) {
        if (raw == null || raw.isBlank() || raw.length() > 200) {
            return "-";
        }
        return raw.strip();
    }
}
