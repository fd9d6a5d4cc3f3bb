package com.vaticprop.core.engine;

import com.vaticprop.trading.assessment.AssessmentEngine;
import com.vaticprop.trading.assessment.EngineResult;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One assessment's engine as this replica holds it in memory, with the database version it was loaded at and the
 * results that quotes or timers produced since, not yet written. All access holds {@link #lock}.
 */
final class LiveAssessment {

    final UUID assessmentId;
    final UUID userId;
    final String currency;
    final AssessmentEngine engine;
    long version;
    /** Results of quotes and timers applied in memory, written (in order) by the next transaction on this engine. */
    final List<Applied> pending = new ArrayList<>();

    /** An input applied in memory and what it produced, waiting to be written. */
    record Applied(com.vaticprop.trading.assessment.EngineInput input, EngineResult result) {
    }
    /** Marks changed since the snapshot was last saved (peak equity, day range): save it on the next flush. */
    boolean marksChanged;
    /** Something a dashboard shows may have changed since the last account snapshot was published. */
    boolean snapshotDirty = true;
    /**
     * Guards the engine. Commands hold it for their whole transaction; the monitor and the snapshot publisher only
     * ever {@code tryLock} it, so one slow command never stalls the quote feed for every other assessment.
     */
    final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
    /** The monitor skipped this engine while a command held it: the command catches up on the latest market. */
    volatile boolean marketMissed;

    LiveAssessment(UUID assessmentId, UUID userId, String currency, AssessmentEngine engine, long version) {
        this.assessmentId = assessmentId;
        this.userId = userId;
        this.currency = currency;
        this.engine = engine;
        this.version = version;
    }
}
