package com.vaticprop.core.outbox;

import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.AdminAudit;
import com.vaticprop.platform.events.data.PurchaseEvent;

/** The Kafka record key of an outbox event, from what its topic is keyed by (CONTRACTS.md "Topics"). */
final class OutboxKeys {

    private OutboxKeys() {
    }

    static String keyOf(EventEnvelope<?> envelope) {
        Topic topic = envelope.eventType().topic();
        return switch (topic.key()) {
            case ASSESSMENT_ID -> require(envelope, envelope.assessmentId());
            case PURCHASE_ID -> envelope.data() instanceof PurchaseEvent p ? require(envelope, p.purchaseId()) : fail(envelope);
            case SUBJECT_ID -> envelope.data() instanceof AdminAudit a ? require(envelope, a.subject()) : fail(envelope);
            case INSTRUMENT, SIMULATION_ID, ASSESSMENT_OR_SIMULATION_ID -> fail(envelope);
        };
    }

    private static String require(EventEnvelope<?> envelope, Object key) {
        if (key == null) {
            throw new IllegalArgumentException(envelope.type() + " has no record key");
        }
        return key.toString();
    }

    private static String fail(EventEnvelope<?> envelope) {
        throw new IllegalArgumentException(envelope.type() + " does not go through core-service's outbox");
    }
}
