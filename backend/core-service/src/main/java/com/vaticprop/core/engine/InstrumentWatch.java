package com.vaticprop.core.engine;

import com.vaticprop.trading.instrument.InstrumentId;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which live assessments hold a position or work an order in each instrument, so that a quote visits only the
 * engines it can change instead of every engine on the replica (with 10,000 open assessments, a BTC tick would
 * otherwise lock and inspect all of them).
 *
 * <p>An assessment is added to an instrument <em>before</em> a command gives its engine that instrument's latest
 * quote ({@link #add}), so a quote that arrives while the command runs finds it (and, the engine being locked, leaves
 * it for the command to catch up on); it is set to exactly what the engine holds after every change ({@link #set}).
 * An entry left over for a moment only costs a visit that changes nothing.
 */
final class InstrumentWatch {

    private final Map<InstrumentId, Set<UUID>> byInstrument = new ConcurrentHashMap<>();
    private final Map<UUID, Set<InstrumentId>> byAssessment = new ConcurrentHashMap<>();

    /** The assessments to visit for a quote, status or resolution of this instrument (a live view). */
    Iterable<UUID> watching(InstrumentId instrument) {
        Set<UUID> ids = byInstrument.get(instrument);
        return ids == null ? Set.of() : ids;
    }

    /** Starts watching one more instrument for the assessment (a command is about to trade it). */
    synchronized void add(UUID assessmentId, InstrumentId instrument) {
        byAssessment.computeIfAbsent(assessmentId, id -> ConcurrentHashMap.newKeySet()).add(instrument);
        byInstrument.computeIfAbsent(instrument, i -> ConcurrentHashMap.newKeySet()).add(assessmentId);
    }

    /** Watches exactly these instruments for the assessment (none: it is no longer watched). */
    synchronized void set(UUID assessmentId, Set<InstrumentId> instruments) {
        Set<InstrumentId> before = byAssessment.getOrDefault(assessmentId, Set.of());
        for (InstrumentId gone : before) {
            if (!instruments.contains(gone)) {
                Set<UUID> ids = byInstrument.get(gone);
                if (ids != null) {
                    ids.remove(assessmentId);
                }
            }
        }
        for (InstrumentId now : instruments) {
            byInstrument.computeIfAbsent(now, i -> ConcurrentHashMap.newKeySet()).add(assessmentId);
        }
        if (instruments.isEmpty()) {
            byAssessment.remove(assessmentId);
        } else {
            Set<InstrumentId> held = ConcurrentHashMap.newKeySet();
            held.addAll(instruments);
            byAssessment.put(assessmentId, held);
        }
    }
}
