package com.vaticprop.core.identity;

import com.vaticprop.platform.web.ApiProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

@RestController
@Tag(name = "identity", description = "Accounts, sessions and access tokens")
class AuthController {

    private final IdentityService identity;

    AuthController(IdentityService identity) {
        this.identity = identity;
    }

    @PostMapping("/auth/register")
    @Operation(summary = "Create a trader account (201); 409 if the e-mail is taken, 400 with field errors")
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegisterRequest request) {
        User user = identity.register(request);
        return ResponseEntity.created(URI.create("/me")).body(UserResponse.of(user));
    }

    @PostMapping("/auth/login")
    @Operation(summary = "Exchange e-mail and password for an access token and a refresh token; 401, 429")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return identity.login(request, http.getRemoteAddr());
    }

    @PostMapping("/auth/refresh")
    @Operation(summary = "Rotate a refresh token: new access and refresh token; the old refresh token is spent")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return identity.refresh(request.refreshToken());
    }

    @PostMapping("/auth/logout")
    @Operation(summary = "Revoke the refresh token's session family (204)")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody RefreshRequest request) {
        userId(jwt).ifPresent(id -> identity.logout(id, request.refreshToken()));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me")
    @Operation(summary = "The authenticated user")
    UserResponse me(@AuthenticationPrincipal Jwt jwt) {
        return userId(jwt).flatMap(identity::user).map(UserResponse::of).orElseThrow(() ->
                new ApiProblemException(HttpStatus.NOT_FOUND, "not-found", "No user for this token."));
    }

    /** The user id of a trader's or admin's token; empty for other subjects (service clients). */
    static Optional<UUID> userId(Jwt jwt) {
        try {
            return Optional.of(UUID.fromString(jwt.getSubject()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
