package com.vaticprop.platform.events.consumer;

import com.vaticprop.platform.events.EventEnvelope;

import java.util.function.Consumer;

/**
 * Runs a handler at most once per event id. A handler that throws leaves no mark, so the redelivery is handled;
 * with the JDBC store, call it inside the transaction of the side effect.
 */
public final class IdempotentConsumer {

    private final String consumer;
    private final ProcessedEventStore store;

    public IdempotentConsumer(String consumer, ProcessedEventStore store) {
        this.consumer = consumer;
        this.store = store;
    }

    /** Returns true when the handler ran, false when the event was a duplicate. */
    public boolean handle(EventEnvelope<?> event, Consumer<EventEnvelope<?>> handler) {
        if (!store.markProcessed(consumer, event.id())) {
            return false;
        }
        try {
            handler.accept(event);
            return true;
        } catch (RuntimeException e) {
            store.unmark(consumer, event.id());
            throw e;
        }
    }
}
