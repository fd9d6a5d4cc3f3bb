package com.vaticprop.core.identity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * TOTP enrolment of an admin, authorised by the enrolment token a password login returned (not by an access token:
 * an admin gets none before the second factor is set up).
 */
@RestController
@Tag(name = "identity", description = "Accounts, sessions and access tokens")
class TwoFactorController {

    record EnrolmentRequest(String enrolmentToken) {
        @Override
        public String toString() {
            return "EnrolmentRequest[***]";
        }
    }

    record ConfirmRequest(String enrolmentToken, String code) {
        @Override
        public String toString() {
            return "ConfirmRequest[***]";
        }
    }

    record EnrolmentResponse(String secret, String otpauthUri, String algorithm, int digits, long periodSeconds) {
    }

    record ConfirmResponse(List<String> recoveryCodes, TokenResponse tokens) {
    }

    private final TwoFactor twoFactor;
    private final IdentityService identity;

    TwoFactorController(TwoFactor twoFactor, IdentityService identity) {
        this.twoFactor = twoFactor;
        this.identity = identity;
    }

    @PostMapping("/auth/totp/enrolment")
    @Operation(summary = "A new TOTP secret (and otpauth URI for a QR code) for the admin holding the enrolment token")
    EnrolmentResponse begin(@RequestBody(required = false) EnrolmentRequest request) {
        TwoFactor.Enrolment e = twoFactor.begin(token(request == null ? null : request.enrolmentToken()));
        return new EnrolmentResponse(e.secret(), e.otpauthUri(), "SHA1", Totp.DIGITS, Totp.STEP_SECONDS);
    }

    @PostMapping("/auth/totp/enrolment/confirm")
    @Operation(summary = "Confirm the secret with a current code: returns ten single-use recovery codes (shown once) "
            + "and the admin's tokens")
    ConfirmResponse confirm(@RequestBody(required = false) ConfirmRequest request) {
        TwoFactor.Confirmed confirmed = twoFactor.confirm(token(request == null ? null : request.enrolmentToken()),
                request == null ? null : request.code());
        return new ConfirmResponse(confirmed.recoveryCodes(), identity.signIn(confirmed.user()));
    }

    private static String token(String raw) {
        return raw == null || raw.isBlank() || raw.length() > 200 ? "-" : raw.strip();
    }
}
