package com.vaticprop.montecarlo.api;

import com.vaticprop.montecarlo.store.SimulationRow;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A simulation as the API shows it: state, progress, the parameters (not the sample itself: it can be large, and it
 * is the caller's own data), and the result once SUCCEEDED (only on the single-simulation view).
 */
public record SimulationView(UUID id, UUID ownerUserId, UUID assessmentId, String status, int progressPct,
                             boolean cancelRequested, Map<String, Object> parameters, JsonNode result, String error,
                             int attempts, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public static SimulationView of(SimulationRow row, boolean withResult) {
        JsonNode req = row.request();
        Map<String, Object> p = new LinkedHashMap<>();
        for (String f : new String[]{"method", "blockLength", "degreesOfFreedom", "horizonDays", "paths", "seed",
                "threads", "phase", "initialBalance"}) {
            JsonNode v = req.get(f);
            if (v != null && !v.isNull()) {
                // a 64-bit seed as a string: JavaScript numbers lose digits beyond 2^53
                p.put(f, f.equals("seed") ? v.asString() : v);
            }
        }
        JsonNode sample = req.get("sample");
        if (sample != null) {
            boolean trips = sample.hasNonNull("roundTrips");
            p.put("sampleKind", trips ? "ROUND_TRIPS" : "DAYS");
            p.put("sampleSize", sample.get(trips ? "roundTrips" : "days").size());
        }
        return new SimulationView(row.id(), row.ownerUserId(), row.assessmentId(), row.status().name(),
                row.progressPct(), row.cancelRequested(), p, withResult ? row.result() : null, row.error(),
                row.attempt(), row.createdAt(), row.startedAt(), row.finishedAt());
    }
}
