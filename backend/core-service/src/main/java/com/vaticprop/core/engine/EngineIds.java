package com.vaticprop.core.engine;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The engine numbers trades, positions and violations with per-assessment counters ("T1", "P3"); the database and
 * the events use UUIDs. A name-based UUID of (assessment, kind, engine id) maps them deterministically, so replaying an
 * assessment, or recording the same engine result twice after a retried transaction, yields the same ids.
 */
public final class EngineIds {

    private EngineIds() {
    }

    public static UUID trade(UUID assessmentId, String engineId) {
        return of(assessmentId, "trade", engineId);
    }

    public static UUID position(UUID assessmentId, String engineId) {
        return of(assessmentId, "position", engineId);
    }

    public static UUID violation(UUID assessmentId, String engineId) {
        return of(assessmentId, "violation", engineId);
    }

    public static UUID account(UUID assessmentId, String engineId) {
        return of(assessmentId, "account", engineId);
    }

    private static UUID of(UUID assessmentId, String kind, String engineId) {
        return UUID.nameUUIDFromBytes(("vatic-prop " + kind + " " + assessmentId + " " + engineId)
                .getBytes(StandardCharsets.UTF_8));
    }
}
