package com.vaticprop.core.identity;

import com.vaticprop.platform.security.Role;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code users}. The password hash never leaves the identity package. */
record User(UUID id, String email, String passwordHash, String displayName, Role role, String status,
             Instant createdAt, Instant emailVerifiedAt) {

    User(UUID id, String email, String passwordHash, String displayName, Role role, String status, Instant createdAt) {
        this(id, email, passwordHash, displayName, role, status, createdAt, null);
    }

    boolean active() {
        return "ACTIVE".equals(status);
    }

    @Override
    public String toString() {
        return "User[" + id + ", role=" + role + ", status=" + status + "]";
    }
}
