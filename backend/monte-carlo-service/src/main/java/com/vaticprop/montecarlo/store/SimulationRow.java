package com.vaticprop.montecarlo.store;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code simulation}; {@code request} is the stored {@code SimulationSpec}, {@code result} its outcome. */
public record SimulationRow(UUID id, UUID ownerUserId, String requestedBy, UUID assessmentId, SimulationStatus status,
                            JsonNode request, int progressPct, JsonNode result, String error, boolean cancelRequested,
                            int attempt, String leaseOwner, Instant leaseUntil, Instant createdAt, Instant startedAt,
                            Instant finishedAt) {
}
