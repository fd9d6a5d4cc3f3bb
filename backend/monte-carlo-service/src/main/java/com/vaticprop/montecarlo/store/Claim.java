package com.vaticprop.montecarlo.store;

import java.util.UUID;

/**
 * A pod's hold on a RUNNING job: every later write of the job names it, so once the lease was taken over (attempt
 * moved on) the old holder's writes match no row.
 */
public record Claim(UUID simulationId, String owner, int attempt) {
}
