package com.vaticprop.montecarlo.store;

import com.vaticprop.platform.jdbc.Transactions;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One relay round: in one transaction, lock the oldest unpublished rows, send them, wait for Kafka's acknowledgement
 * (acks=all) and mark them published. A crash before the commit leaves them unpublished and they go out again:
 * at-least-once on the wire; the consumers' effects are idempotent (a request is claimed once, completions carry the
 * event id). Several pods relay side by side: {@code SKIP LOCKED} gives each row to one of them.
 */
public final class OutboxRelay implements Runnable {

    private final Outbox outbox;
    private final Transactions transactions;
    private final Producer<String, byte[]> producer;
    private final Clock clock;

    public OutboxRelay(Outbox outbox, Transactions transactions, Producer<String, byte[]> producer, Clock clock) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.producer = producer;
        this.clock = clock;
    }

    @Override
    public void run() {
        int sent;
        do {
            sent = transactions.inTransaction(this::relayBatch);
        } while (sent > 0);
        outbox.prunePublishedBefore(clock.instant().minus(Duration.ofDays(1)));
    }

    private int relayBatch() {
        List<Outbox.Pending> pending = outbox.claimPending(100);
        if (pending.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (Outbox.Pending p : pending) {
            acks.add(producer.send(new ProducerRecord<>(p.topic(), p.key(), p.payload())));
        }
        try {
            for (Future<RecordMetadata> ack : acks) {
                ack.get(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing the outbox", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge the outbox: " + e, e);
        }
        List<UUID> ids = pending.stream().map(Outbox.Pending::id).toList();
        outbox.markPublished(ids, clock.instant());
        return pending.size();
    }
}
