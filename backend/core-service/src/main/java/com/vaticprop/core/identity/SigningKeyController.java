package com.vaticprop.core.identity;

import com.vaticprop.platform.security.Role;
import com.vaticprop.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.List;

/** Admin: rotate the database-held signing key (development and any deployment without JWT_SIGNING_KEYS). */
@RestController
@Tag(name = "identity")
class SigningKeyController {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyController.class);

    record RotationResponse(String kid, List<String> verifyingKids) {
    }

    private final KeyRing keys;
    private final AccessTokens accessTokens;
    private final com.vaticprop.core.admin.AdminAuditLog audit;
    private final com.vaticprop.platform.jdbc.Transactions transactions;

    SigningKeyController(KeyRing keys, AccessTokens accessTokens, com.vaticprop.core.admin.AdminAuditLog audit,
                         com.vaticprop.platform.jdbc.Transactions transactions) {
        this.audit = audit;
        this.transactions = transactions;
        this.keys = keys;
        this.accessTokens = accessTokens;
    }

    @PostMapping("/admin/signing-keys/rotation")
    @Operation(summary = "ADMIN: sign with a new key from now on; the old one verifies until its tokens expire")
    RotationResponse rotate(@AuthenticationPrincipal Jwt jwt) {
        requireAdmin(jwt);
        if (!keys.rotatable()) {
            throw new ApiProblemException(HttpStatus.CONFLICT, "keys-managed-externally",
                    "Signing keys come from JWT_SIGNING_KEYS: rotate them there (new key first, old key kept).");
        }
        String kid = keys.rotate(accessTokens.ttl().plus(Duration.ofMinutes(1)));
        log.info("signing key rotated by user={}, new kid={}", jwt.getSubject(), kid);
        transactions.run(() -> audit.record(java.util.UUID.fromString(jwt.getSubject()), "signing-key.rotate", kid,
                null, java.util.Map.of("kid", kid), null));
        return new RotationResponse(kid, keys.publicKeys().getKeys().stream().map(k -> k.getKeyID()).toList());
    }

    static void requireAdmin(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList("roles");
        if (roles == null || !roles.contains(Role.ADMIN.name())) {
            throw new ApiProblemException(HttpStatus.FORBIDDEN, "forbidden", "Your role does not allow this.");
        }
    }
}
