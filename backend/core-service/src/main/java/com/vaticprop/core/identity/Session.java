package com.vaticprop.core.identity;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code sessions}: one refresh token (by its hash) of a login's token family. */
record Session(UUID id, UUID userId, UUID familyId, Instant createdAt, Instant expiresAt, Instant rotatedAt,
               Instant revokedAt) {
}
