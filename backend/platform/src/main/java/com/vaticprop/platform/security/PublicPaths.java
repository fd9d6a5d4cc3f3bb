package com.vaticprop.platform.security;

import java.util.List;

/**
 * Paths a service serves without authentication (login, JWKS, webhooks …); each service contributes its own as a
 * bean. Everything else needs a valid access token.
 */
public record PublicPaths(List<String> patterns) {

    /** The operational endpoints every service exposes without a token. */
    public static final List<String> OPERATIONS = List.of("/health", "/ready", "/metrics", "/openapi", "/openapi/**",
            "/swagger-ui.html", "/swagger-ui/**", "/error");
}
