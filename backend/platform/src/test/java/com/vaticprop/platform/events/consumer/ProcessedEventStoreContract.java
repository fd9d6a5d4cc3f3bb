package com.vaticprop.platform.events.consumer;

import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventSamples;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.data.EventData;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The behaviour of the idempotent and sequenced consumers, run against each real store. Every test uses its own
 * consumer name and assessment ids, so the stores need no cleaning between tests.
 */
abstract class ProcessedEventStoreContract {

    protected abstract ProcessedEventStore store();

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    private static String consumerName() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static EventEnvelope<EventData> event(UUID assessment, long seq) {
        EventType type = seq % 2 == 0 ? EventType.ORDER_FILLED : EventType.POSITION_OPENED;
        return EventEnvelope.forAssessment(type, NOW, assessment, null, seq, 1, EventSamples.sample(type));
    }

    private static EventEnvelope<EventData> tick() {
        return EventEnvelope.of(EventType.MARKET_TICK, NOW, EventSamples.sample(EventType.MARKET_TICK));
    }

    // ---- the store itself

    @Test
    void marksAreRememberedPerConsumer() {
        String a = consumerName();
        String b = consumerName();
        UUID id = UUID.randomUUID();
        assertThat(store().markProcessed(a, id)).isTrue();
        assertThat(store().markProcessed(a, id)).isFalse();
        assertThat(store().markProcessed(b, id)).as("another consumer has its own marks").isTrue();
        store().unmark(a, id);
        assertThat(store().markProcessed(a, id)).isTrue();
    }

    @Test
    void theSeqCursorStartsAtZeroAndNeverMovesBack() {
        String c = consumerName();
        UUID assessment = UUID.randomUUID();
        assertThat(store().lastAppliedSeq(c, assessment)).isZero();
        store().advanceSeq(c, assessment, 5);
        assertThat(store().lastAppliedSeq(c, assessment)).isEqualTo(5);
        store().advanceSeq(c, assessment, 3);
        assertThat(store().lastAppliedSeq(c, assessment)).isEqualTo(5);
        store().advanceSeq(c, assessment, 12_345_678_901L);
        assertThat(store().lastAppliedSeq(c, assessment)).isEqualTo(12_345_678_901L);
        assertThat(store().lastAppliedSeq(c, UUID.randomUUID())).isZero();
        assertThat(store().lastAppliedSeq(consumerName(), assessment)).isZero();
    }

    // ---- IdempotentConsumer

    @Test
    void aDuplicateEventIsSkipped() {
        IdempotentConsumer consumer = new IdempotentConsumer(consumerName(), store());
        EventEnvelope<EventData> e = tick();
        List<UUID> handled = new ArrayList<>();
        assertThat(consumer.handle(e, ev -> handled.add(ev.id()))).isTrue();
        assertThat(consumer.handle(e, ev -> handled.add(ev.id()))).isFalse();
        EventEnvelope<EventData> other = tick();
        assertThat(consumer.handle(other, ev -> handled.add(ev.id()))).isTrue();
        assertThat(handled).containsExactly(e.id(), other.id());
    }

    @Test
    void aFailedHandlerLeavesNoMarkSoTheRedeliveryIsHandled() {
        IdempotentConsumer consumer = new IdempotentConsumer(consumerName(), store());
        EventEnvelope<EventData> e = tick();
        assertThatThrownBy(() -> consumer.handle(e, ev -> {
            throw new IllegalStateException("downstream unavailable");
        })).isInstanceOf(IllegalStateException.class).hasMessage("downstream unavailable");
        AtomicInteger runs = new AtomicInteger();
        assertThat(consumer.handle(e, ev -> runs.incrementAndGet())).isTrue();
        assertThat(consumer.handle(e, ev -> runs.incrementAndGet())).isFalse();
        assertThat(runs).hasValue(1);
    }

    @Test
    void concurrentDeliveriesOfOneEventRunTheHandlerOnce() throws Exception {
        String name = consumerName();
        EventEnvelope<EventData> e = tick();
        AtomicInteger runs = new AtomicInteger();
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                IdempotentConsumer consumer = new IdempotentConsumer(name, store());
                results.add(pool.submit(() -> {
                    start.await();
                    return consumer.handle(e, ev -> runs.incrementAndGet());
                }));
            }
            start.countDown();
            int handled = 0;
            for (Future<Boolean> f : results) {
                try {
                    if (f.get()) {
                        handled++;
                    }
                } catch (java.util.concurrent.ExecutionException ex) {
                    // SERIALIZABLE may refuse a racing insert (40001): the caller retries, and then sees the mark
                    assertThat(ex.getCause()).isInstanceOf(org.springframework.dao.TransientDataAccessException.class);
                }
            }
            assertThat(handled).isEqualTo(1);
        }
        assertThat(runs).hasValue(1);
        assertThat(new IdempotentConsumer(name, store()).handle(e, ev -> runs.incrementAndGet())).isFalse();
    }

    // ---- SequencedConsumer

    @Test
    void inOrderEventsAreAppliedAtOnce() {
        String name = consumerName();
        SequencedConsumer consumer = new SequencedConsumer(name, store(), 100);
        UUID a = UUID.randomUUID();
        List<Long> applied = new ArrayList<>();
        for (long seq = 1; seq <= 3; seq++) {
            assertThat(consumer.offer(event(a, seq), NOW, ev -> applied.add(ev.seq()))).isEqualTo(1);
        }
        assertThat(applied).containsExactly(1L, 2L, 3L);
        assertThat(store().lastAppliedSeq(name, a)).isEqualTo(3);
        assertThat(consumer.heldCount(a)).isZero();
    }

    @Test
    void outOfOrderEventsAreHeldAndReleasedInOrder() {
        SequencedConsumer consumer = new SequencedConsumer(consumerName(), store(), 100);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<String> applied = new ArrayList<>();
        assertThat(consumer.offer(event(a, 3), NOW, ev -> applied.add("a" + ev.seq()))).isZero();
        assertThat(consumer.offer(event(a, 2), NOW, ev -> applied.add("a" + ev.seq()))).isZero();
        assertThat(consumer.offer(event(b, 1), NOW, ev -> applied.add("b" + ev.seq()))).isEqualTo(1);
        assertThat(consumer.offer(event(a, 5), NOW, ev -> applied.add("a" + ev.seq()))).isZero();
        assertThat(consumer.heldCount(a)).isEqualTo(3);
        assertThat(applied).containsExactly("b1");

        assertThat(consumer.offer(event(a, 1), NOW, ev -> applied.add("a" + ev.seq()))).isEqualTo(3);
        assertThat(applied).containsExactly("b1", "a1", "a2", "a3");
        assertThat(consumer.heldCount(a)).isEqualTo(1);
        assertThat(consumer.offer(event(a, 4), NOW, ev -> applied.add("a" + ev.seq()))).isEqualTo(2);
        assertThat(applied).containsExactly("b1", "a1", "a2", "a3", "a4", "a5");
        assertThat(consumer.heldCount(a)).isZero();
    }

    @Test
    void firstHeldSeqNamesTheEventAfterTheGapSoACallerCanSkipIt() {
        SequencedConsumer consumer = new SequencedConsumer(consumerName(), store(), 100);
        UUID a = UUID.randomUUID();
        List<Long> applied = new ArrayList<>();
        assertThat(consumer.firstHeldSeq(a)).isEmpty();
        consumer.offer(event(a, 1), NOW, ev -> applied.add(ev.seq()));
        consumer.offer(event(a, 5), NOW, ev -> applied.add(ev.seq()));
        consumer.offer(event(a, 4), NOW, ev -> applied.add(ev.seq()));
        assertThat(consumer.firstHeldSeq(a)).hasValue(4);
        consumer.resync(a, consumer.firstHeldSeq(a).getAsLong() - 1, ev -> applied.add(ev.seq()), NOW);
        assertThat(applied).containsExactly(1L, 4L, 5L);
        assertThat(consumer.firstHeldSeq(a)).isEmpty();
    }

    @Test
    void duplicatesBySeqAreDropped() {
        String name = consumerName();
        SequencedConsumer consumer = new SequencedConsumer(name, store(), 100);
        UUID a = UUID.randomUUID();
        List<Long> applied = new ArrayList<>();
        consumer.offer(event(a, 1), NOW, ev -> applied.add(ev.seq()));
        consumer.offer(event(a, 3), NOW, ev -> applied.add(ev.seq()));
        consumer.offer(event(a, 3), NOW, ev -> applied.add(ev.seq()));
        assertThat(consumer.heldCount(a)).isEqualTo(1);
        // a redelivery with a new event id but an applied seq is still a duplicate
        assertThat(consumer.offer(event(a, 1), NOW, ev -> applied.add(ev.seq()))).isZero();
        assertThat(consumer.offer(event(a, 2), NOW, ev -> applied.add(ev.seq()))).isEqualTo(2);
        assertThat(consumer.offer(event(a, 2), NOW, ev -> applied.add(ev.seq()))).isZero();
        assertThat(consumer.offer(event(a, 3), NOW, ev -> applied.add(ev.seq()))).isZero();
        assertThat(applied).containsExactly(1L, 2L, 3L);
        // a fresh instance (a restart) resumes from the store's cursor
        SequencedConsumer restarted = new SequencedConsumer(name, store(), 100);
        assertThat(restarted.offer(event(a, 3), NOW, ev -> applied.add(ev.seq()))).isZero();
        assertThat(restarted.offer(event(a, 4), NOW, ev -> applied.add(ev.seq()))).isEqualTo(1);
        assertThat(applied).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void aFailingHandlerAdvancesNothingAndLosesNoHeldEvent() {
        String name = consumerName();
        SequencedConsumer consumer = new SequencedConsumer(name, store(), 100);
        UUID a = UUID.randomUUID();
        List<Long> applied = new ArrayList<>();
        consumer.offer(event(a, 2), NOW, ev -> applied.add(ev.seq()));
        consumer.offer(event(a, 3), NOW, ev -> applied.add(ev.seq()));
        // seq 1 applies, seq 2 (released from the buffer) fails
        assertThatThrownBy(() -> consumer.offer(event(a, 1), NOW, ev -> {
            if (ev.seq() == 2) {
                throw new IllegalStateException("boom");
            }
            applied.add(ev.seq());
        })).isInstanceOf(IllegalStateException.class);
        assertThat(applied).containsExactly(1L);
        assertThat(store().lastAppliedSeq(name, a)).isEqualTo(1);
        assertThat(consumer.heldCount(a)).as("2 and 3 are still held").isEqualTo(2);
        // the redelivered seq 1 is a duplicate; the next event that arrives releases the rest
        assertThat(consumer.offer(event(a, 1), NOW, ev -> applied.add(ev.seq()))).isZero();
        assertThat(consumer.offer(event(a, 4), NOW, ev -> applied.add(ev.seq()))).isZero();
        assertThat(consumer.offer(event(a, 2), NOW, ev -> applied.add(ev.seq()))).isEqualTo(3);
        assertThat(applied).containsExactly(1L, 2L, 3L, 4L);
        assertThat(store().lastAppliedSeq(name, a)).isEqualTo(4);
    }

    @Test
    void aGapThatStaysOpenPastThePatienceIsReportedAndResyncReleasesTheRest() {
        String name = consumerName();
        SequencedConsumer consumer = new SequencedConsumer(name, store(), 100);
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        List<Long> applied = new ArrayList<>();
        Duration patience = Duration.ofSeconds(30);
        consumer.offer(event(a, 1), NOW, ev -> applied.add(ev.seq()));
        consumer.offer(event(a, 4), NOW, ev -> applied.add(ev.seq()));
        consumer.offer(event(a, 5), NOW.plusSeconds(5), ev -> applied.add(ev.seq()));
        consumer.offer(event(a, 7), NOW.plusSeconds(6), ev -> applied.add(ev.seq()));
        consumer.offer(event(b, 2), NOW.plusSeconds(20), ev -> applied.add(ev.seq()));

        assertThat(consumer.stalledAssessments(patience, NOW.plusSeconds(29))).isEmpty();
        assertThat(consumer.stalledAssessments(patience, NOW.plusSeconds(30))).containsExactly(a);
        assertThat(consumer.stalledAssessments(patience, NOW.plusSeconds(50))).containsExactlyInAnyOrder(a, b);

        // core-service's API says everything up to 4 happened: 4 is dropped, 5 applies, 7 waits for 6
        consumer.resync(a, 4, ev -> applied.add(ev.seq()), NOW.plusSeconds(60));
        assertThat(applied).containsExactly(1L, 5L);
        assertThat(store().lastAppliedSeq(name, a)).isEqualTo(5);
        assertThat(consumer.heldCount(a)).isEqualTo(1);
        assertThat(consumer.stalledAssessments(patience, NOW.plusSeconds(80))).doesNotContain(a);
        assertThat(consumer.stalledAssessments(patience, NOW.plusSeconds(90))).contains(a);

        consumer.resync(b, 2, ev -> applied.add(ev.seq()), NOW.plusSeconds(60));
        assertThat(consumer.heldCount(b)).isZero();
        assertThat(store().lastAppliedSeq(name, b)).isEqualTo(2);
        assertThat(consumer.stalledAssessments(patience, NOW.plusSeconds(600))).containsExactly(a);
        // resync of an assessment with nothing held just moves the cursor
        UUID c = UUID.randomUUID();
        consumer.resync(c, 10, ev -> applied.add(ev.seq()), NOW);
        assertThat(consumer.offer(event(c, 10), NOW, ev -> applied.add(ev.seq()))).isZero();
        assertThat(consumer.offer(event(c, 11), NOW, ev -> applied.add(ev.seq()))).isEqualTo(1);
    }

    @Test
    void theBufferIsBounded() {
        SequencedConsumer consumer = new SequencedConsumer(consumerName(), store(), 3);
        UUID a = UUID.randomUUID();
        for (long seq = 2; seq <= 10; seq++) {
            consumer.offer(event(a, seq), NOW, ev -> {
            });
        }
        assertThat(consumer.heldCount(a)).isEqualTo(3);
    }

    @Test
    void eventsWithoutSeqAreRefused() {
        SequencedConsumer consumer = new SequencedConsumer(consumerName(), store(), 3);
        assertThatThrownBy(() -> consumer.offer(tick(), NOW, ev -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IdempotentConsumer");
    }
}
