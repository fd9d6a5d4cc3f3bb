package com.vaticprop.core.assessment;

import com.vaticprop.core.outbox.OutboxWriter;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.AssessmentCreated;
import com.vaticprop.platform.events.data.AssessmentStateChanged;
import com.vaticprop.platform.ruleset.RuleSetJson;
import com.vaticprop.trading.ruleset.RuleSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Opens and closes assessments from outside the trading loop (a paid purchase, a refund). Each method runs inside the
 * caller's transaction, so the assessment, its account and the event describing them commit together or not at all.
 */
@Service
public class AssessmentOpening {

    private static final Logger log = LoggerFactory.getLogger(AssessmentOpening.class);

    private final AssessmentRepository assessments;
    private final OutboxWriter outbox;
    private final Clock clock;

    AssessmentOpening(AssessmentRepository assessments, OutboxWriter outbox, Clock clock) {
        this.assessments = assessments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Creates the assessment (CREATED, phase 0) and its first virtual account funded with the rule set's initial
     * balance, and appends {@code assessment.created} (seq 1) carrying the full pinned rule set — consumers judge the
     * assessment by exactly the rules it was bought under, even if the tier is edited later.
     */
    public OpenedAssessment open(NewAssessment spec) {
        RuleSet ruleSet = RuleSetJson.read(spec.ruleSetJson()).orThrow();
        Instant now = clock.instant();
        UUID assessmentId = UUID.randomUUID();
        UUID accountId = UUID.randomUUID();
        assessments.insertAssessment(assessmentId, spec, ruleSet.phase(0).name(), now);
        assessments.insertAccount(accountId, assessmentId, 0, ruleSet.currency(), ruleSet.initialBalance(), now);
        outbox.appendForAssessment(EventType.ASSESSMENT_CREATED, assessmentId, spec.userId(), 0,
                new AssessmentCreated(spec.userId(), spec.tierId(), spec.tierVersion(), RuleSetJson.write(ruleSet),
                        ruleSet.initialBalance(), ruleSet.currency(), 0, accountId));
        log.info("assessment opened id={} user={} tier={} v{} purchase={}", assessmentId, spec.userId(),
                spec.tierId(), spec.tierVersion(), spec.purchaseId());
        return new OpenedAssessment(assessmentId, accountId);
    }

    /**
     * Abandons the assessment a refunded purchase paid for, unless it already ended (a passed or failed assessment
     * keeps its result; the refund is recorded on the purchase only). Returns the assessment id when it changed.
     */
    public Optional<UUID> abandonForRefund(UUID purchaseId) {
        return assessments.lockByPurchase(purchaseId).filter(a -> !a.status().isFinal()).map(a -> {
            Instant now = clock.instant();
            assessments.markAbandoned(a.id(), "REFUND", now);
            outbox.appendForAssessment(EventType.ASSESSMENT_ABANDONED, a.id(), a.userId(), a.phaseIndex(),
                    new AssessmentStateChanged(now, a.phaseIndex(), "REFUND"));
            log.info("assessment abandoned id={} reason=REFUND purchase={}", a.id(), purchaseId);
            return a.id();
        });
    }
}
