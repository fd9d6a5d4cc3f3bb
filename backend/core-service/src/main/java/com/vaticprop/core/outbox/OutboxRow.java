package com.vaticprop.core.outbox;

import java.util.UUID;

/** One unpublished outbox row as the relay sends it: the envelope JSON goes out unchanged, keyed as stored. */
record OutboxRow(UUID id, UUID assessmentId, Long seq, String topic, String key, String payload) {
}
