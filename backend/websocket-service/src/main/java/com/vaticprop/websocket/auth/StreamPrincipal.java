package com.vaticprop.websocket.auth;

import com.vaticprop.platform.security.Role;

import java.time.Instant;
import java.util.Set;

/**
 * Who holds a connection and until when: the user id ({@code sub}), the roles, and the instant the session ends
 * (the access token's {@code exp}, or a ticket's {@code sessionExp}).
 */
public record StreamPrincipal(String userId, Set<String> roles, Instant expiresAt) {

    public boolean admin() {
        return roles.contains(Role.ADMIN.name());
    }
}
