package com.vaticprop.core.purchase;

import com.vaticprop.core.assessment.AssessmentOpening;
import com.vaticprop.core.assessment.NewAssessment;
import com.vaticprop.core.assessment.OpenedAssessment;
import com.vaticprop.core.outbox.OutboxWriter;
import com.vaticprop.core.tier.TierService;
import com.vaticprop.core.tier.TierVersion;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.PurchaseEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * The state changes of a purchase and what each one writes besides the row: the assessment a completion opens, the
 * one a refund abandons, and the {@code payment.*} events. Every method runs inside the caller's transaction with the
 * purchase row locked, so one payment can never fulfil twice and no change commits without its event.
 */
@Component
class PurchaseLedger {

    private static final Logger log = LoggerFactory.getLogger(PurchaseLedger.class);

    private final PurchaseRepository purchases;
    private final TierService tiers;
    private final AssessmentOpening assessments;
    private final OutboxWriter outbox;
    private final Clock clock;

    PurchaseLedger(PurchaseRepository purchases, TierService tiers, AssessmentOpening assessments,
                   OutboxWriter outbox, Clock clock) {
        this.purchases = purchases;
        this.tiers = tiers;
        this.assessments = assessments;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** PENDING → COMPLETED: opens the assessment on the pinned tier version. */
    OpenedAssessment complete(Purchase p, String stripeEventId) {
        requireStatus(p, PurchaseStatus.PENDING);
        TierVersion version = tiers.version(p.tierId(), p.tierVersion()).orElseThrow(() ->
                new IllegalStateException("purchase " + p.id() + " pins a missing tier version"));
        purchases.complete(p.id(), clock.instant());
        OpenedAssessment opened = assessments.open(new NewAssessment(p.userId(), p.id(), p.tierId(),
                p.tierVersion(), version.ruleSetJson()));
        outbox.append(EventType.PURCHASE_COMPLETED, event(p, stripeEventId));
        log.info("purchase completed id={} user={} assessment={} via={}", p.id(), p.userId(),
                opened.assessmentId(), p.paymentMethod());
        return opened;
    }

    /** PENDING → FAILED (payment failed for good, or paid the wrong amount). */
    void fail(Purchase p, String reason, String stripeEventId) {
        requireStatus(p, PurchaseStatus.PENDING);
        purchases.end(p.id(), PurchaseStatus.FAILED, reason, clock.instant());
        outbox.append(EventType.PURCHASE_FAILED, event(p, stripeEventId));
        log.warn("purchase failed id={} reason={}", p.id(), reason);
    }

    /** PENDING → EXPIRED: the checkout closed unpaid. No event: nothing was bought or charged. */
    void expire(Purchase p) {
        requireStatus(p, PurchaseStatus.PENDING);
        purchases.end(p.id(), PurchaseStatus.EXPIRED, p.failureReason(), clock.instant());
        log.info("purchase expired id={}", p.id());
    }

    /** Any status but REFUNDED → REFUNDED; an assessment that has not ended yet is abandoned (reason REFUND). */
    void refund(Purchase p, String stripeEventId) {
        if (p.status() == PurchaseStatus.REFUNDED) {
            throw new IllegalStateException("purchase " + p.id() + " is already refunded");
        }
        Instant now = clock.instant();
        purchases.refunded(p.id(), now);
        assessments.abandonForRefund(p.id());
        outbox.append(EventType.PURCHASE_REFUNDED, event(p, stripeEventId));
        log.info("purchase refunded id={} (was {})", p.id(), p.status());
    }

    private static PurchaseEvent event(Purchase p, String stripeEventId) {
        return new PurchaseEvent(p.id(), p.userId(), p.tierId(), p.tierVersion(), p.amount(), p.currency(),
                stripeEventId);
    }

    private static void requireStatus(Purchase p, PurchaseStatus expected) {
        if (p.status() != expected) {
            throw new IllegalStateException("purchase " + p.id() + " is " + p.status() + ", not " + expected);
        }
    }
}
