package com.vaticprop.core.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as the API shows it (register, /me). */
record UserResponse(UUID id, String email, String displayName, List<String> roles, Instant createdAt,
                    boolean emailVerified) {

    static UserResponse of(User user) {
        return new UserResponse(user.id(), user.email(), user.displayName(), List.of(user.role().name()),
                user.createdAt(), user.emailVerifiedAt() != null);
    }
}
