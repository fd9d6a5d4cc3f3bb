package com.vaticprop.core.outbox;

import com.vaticprop.core.CoreServiceApplication;
import com.vaticprop.platform.boot.RedisKeys;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.TopicInitializer;
import com.vaticprop.platform.events.consumer.IdempotentConsumer;
import com.vaticprop.platform.events.consumer.JdbcProcessedEventStore;
import com.vaticprop.platform.events.consumer.RedisProcessedEventStore;
import com.vaticprop.platform.events.consumer.SequencedConsumer;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.testkit.ServiceTestProperties;
import com.vaticprop.testkit.TestInfrastructure;
import com.vaticprop.testkit.kafka.TopicReader;
import com.vaticprop.testkit.kafka.TopicReader.Received;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = CoreServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "vatic.outbox.relay.poll-interval-ms=50")
class OutboxRelayTest {

    private static final List<String> TOPICS = List.of(Topic.ASSESSMENT_STARTED.topicName(),
            Topic.ASSESSMENT_PAUSED.topicName(), Topic.ASSESSMENT_RESUMED.topicName(),
            Topic.ASSESSMENT_ABANDONED.topicName(), Topic.PURCHASE_COMPLETED.topicName());

    private static final EventType[] CYCLE = {EventType.ASSESSMENT_STARTED, EventType.ASSESSMENT_PAUSED,
            EventType.ASSESSMENT_RESUMED};

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        ServiceTestProperties.database(registry, OutboxRelayTest.class);
        ServiceTestProperties.redis(registry, OutboxRelayTest.class);
        ServiceTestProperties.kafka(registry);
        pinBootstrapServers(registry, () -> TestInfrastructure.kafka().bootstrapServers());
    }

    /**
     * Every embedded KRaft broker the testkit starts sets the JVM-wide system property
     * {@code spring.kafka.bootstrap-servers} to its own (unforwarded) port, and a system property outranks the
     * platform's KAFKA_BROKERS mapping: a context created after another class started a dedicated broker would talk
     * to that broker. A dynamic property outranks system properties, so the outbox tests pin the broker they read.
     */
    static void pinBootstrapServers(DynamicPropertyRegistry registry, java.util.function.Supplier<Object> brokers) {
        registry.add("spring.kafka.bootstrap-servers", brokers);
    }

    @Autowired
    OutboxWriter writer;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxStore store;
    @Autowired
    OutboxConfiguration.OutboxProducers producers;
    @Autowired
    OutboxRelay.Settings settings;
    @Autowired
    Transactions transactions;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    RedisKeys redisKeys;
    @Autowired
    TopicInitializer topics;
    @Autowired
    DatabaseMigrator migrator;
    @Autowired
    MeterRegistry meters;

    private TopicReader<EventEnvelope<EventData>> reader;

    @BeforeEach
    void topicsExist() {
        await().atMost(Duration.ofSeconds(60)).until(topics::topicsReady);
        await().atMost(Duration.ofSeconds(60)).until(migrator::migrated);
        reader = new TopicReader<>(TestInfrastructure.kafka().bootstrapServers(), TOPICS, new EventCodec()::decode);
    }

    @AfterEach
    void closeReader() {
        reader.close();
        relay.start(); // a test that stopped it leaves it running again
    }

    @Test
    void onlyCommittedEventsArePublishedGapFreeAndInSeqOrderAcrossTopicsEvenWithTwoRelays() throws Exception {
        UUID a = transactions.inTransaction(() -> OutboxTestSupport.newAssessment(jdbc));
        UUID b = transactions.inTransaction(() -> OutboxTestSupport.newAssessment(jdbc));
        // a second replica's relay on the same database
        OutboxRelay replica = new OutboxRelay(store, OutboxConfiguration.relayTransactions(transactionManager), producers,
                Clock.systemUTC(), settings);
        replica.start();
        try {
            List<UUID> committed = new CopyOnWriteArrayList<>();
            List<UUID> rolledBack = new CopyOnWriteArrayList<>();
            transactions.run(() -> {
                committed.add(writer.appendForAssessment(EventType.ASSESSMENT_STARTED, a, null, 0,
                        OutboxTestSupport.stateChange(null)).id());
                committed.add(writer.appendForAssessment(EventType.ASSESSMENT_PAUSED, a, null, 0,
                        OutboxTestSupport.stateChange(null)).id());
                committed.add(writer.appendForAssessment(EventType.ASSESSMENT_STARTED, b, null, 0,
                        OutboxTestSupport.stateChange(null)).id());
                committed.add(writer.append(EventType.PURCHASE_COMPLETED, OutboxTestSupport.purchase()).id());
            });
            // the sibling transaction rolls back: its events and its seqs vanish with it
            assertThatThrownBy(() -> transactions.run(() -> {
                rolledBack.add(writer.appendForAssessment(EventType.ASSESSMENT_RESUMED, a, null, 0,
                        OutboxTestSupport.stateChange(null)).id());
                rolledBack.add(writer.append(EventType.PURCHASE_COMPLETED, OutboxTestSupport.purchase()).id());
                throw new IllegalStateException("business rule says no");
            })).hasMessage("business rule says no");
            // concurrent writers on the same assessments (SERIALIZABLE: conflicts retried by Transactions)
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> writes = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writes.add(pool.submit(() -> {
                    for (int i = 0; i < 6; i++) {
                        EventType type = CYCLE[(thread + i) % CYCLE.length];
                        UUID target = (i % 2 == 0) ? a : b;
                        transactions.run(() -> committed.add(writer.appendForAssessment(type, target, null, 0,
                                OutboxTestSupport.stateChange(null)).id()));
                    }
                }));
            }
            for (Future<?> w : writes) {
                w.get();
            }
            pool.shutdown();
            transactions.run(() -> committed.add(writer.appendForAssessment(EventType.ASSESSMENT_ABANDONED, a,
                    null, 0, OutboxTestSupport.stateChange("TRADER")).id()));

            long lastA = jdbc.sql("SELECT last_seq FROM assessments WHERE id = ?").param(a).query(Long.class).single();
            long lastB = jdbc.sql("SELECT last_seq FROM assessments WHERE id = ?").param(b).query(Long.class).single();
            assertThat(lastA).isEqualTo(2 + 12 + 1);
            assertThat(lastB).isEqualTo(1 + 12);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Set<UUID> seen = new java.util.HashSet<>();
                reader.poll().forEach(r -> seen.add(r.value().id()));
                assertThat(seen).containsAll(committed);
            });
            assertThat(reader.poll()).extracting(r -> r.value().id()).doesNotContainAnyElementsOf(rolledBack);
            assertInSeqOrder(reader.matching(r -> a.equals(r.value().assessmentId())), lastA);
            assertInSeqOrder(reader.matching(r -> b.equals(r.value().assessmentId())), lastB);
            assertThat(reader.matching(r -> a.equals(r.value().assessmentId())))
                    .allSatisfy(r -> assertThat(r.key()).isEqualTo(a.toString()));
            assertThat(reader.poll()).filteredOn(r -> r.topic().equals(Topic.PURCHASE_COMPLETED.topicName()))
                    .filteredOn(r -> committed.contains(r.value().id())).isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.value().seq()).isNull();
                        assertThat(r.key()).isEqualTo(
                                ((com.vaticprop.platform.events.data.PurchaseEvent) r.value().data()).purchaseId()
                                        .toString());
                    });
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL")
                            .query(Long.class).single()).isZero());
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(relay.status().pending()).isZero());
            assertThat(relay.status().published() + replica.status().published()).isGreaterThanOrEqualTo(committed.size());
            assertThat(meters.get("vatic.outbox.published").counter().count()).isPositive();
            assertThat(meters.get("vatic.outbox.pending").gauge().value()).isZero();
        } finally {
            replica.stop();
        }
    }

    @Test
    void writingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> writer.append(EventType.PURCHASE_COMPLETED, OutboxTestSupport.purchase()))
                .isInstanceOf(IllegalStateException.class);
    }

    /**
     * The "Done when" kill test of issue 4: one relay dies after sending but before the acknowledgement, another
     * after the acknowledgement but before marking the rows published; after the restart the topic holds at least
     * one copy of every event (here at least two: acknowledged once before the crash and again after), and a
     * consumer on the platform's helpers with real stores applies each exactly once.
     */
    @Test
    void killedBeforeAndAfterTheAckRepublishesAndTheIdempotentConsumerAppliesOnce() {
        relay.stop();
        UUID assessment = transactions.inTransaction(() -> OutboxTestSupport.newAssessment(jdbc));
        List<EventEnvelope<?>> written = new ArrayList<>();
        transactions.run(() -> {
            written.add(writer.appendForAssessment(EventType.ASSESSMENT_STARTED, assessment, null, 0,
                    OutboxTestSupport.stateChange(null)));
            written.add(writer.appendForAssessment(EventType.ASSESSMENT_PAUSED, assessment, null, 0,
                    OutboxTestSupport.stateChange(null)));
            written.add(writer.append(EventType.PURCHASE_COMPLETED, OutboxTestSupport.purchase()));
        });

        // crash 1: records handed to the producer, the process dies before the broker acknowledges
        OutboxRelay beforeAck = crashingRelay(new OutboxRelay.Probe() {
            @Override
            public void afterSend(List<OutboxRow> wave) {
                throw new Crash();
            }
        });
        assertThatThrownBy(beforeAck::relayOnce).isInstanceOf(Crash.class);
        beforeAck.abandonProducer();
        assertThat(unpublished()).isEqualTo(3);

        // crash 2: every record acknowledged, the process dies before published_at is committed
        OutboxRelay afterAck = crashingRelay(new OutboxRelay.Probe() {
            @Override
            public void afterAck(List<UUID> acknowledged) {
                assertThat(acknowledged).hasSize(3);
                throw new Crash();
            }
        });
        assertThatThrownBy(afterAck::relayOnce).isInstanceOf(Crash.class);
        afterAck.abandonProducer();
        assertThat(unpublished()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (EventEnvelope<?> e : written) {
                assertThat(reader.matching(r -> e.id().equals(r.value().id()))).isNotEmpty();
            }
        });

        // restart: the service's relay republishes what was never marked
        relay.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished() == 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (EventEnvelope<?> e : written) {
                assertThat(reader.matching(r -> e.id().equals(r.value().id()))).as("copies of %s", e.type())
                        .hasSizeGreaterThanOrEqualTo(2);
            }
        });

        // the consumer: seq events through SequencedConsumer (JDBC store, in the effect's transaction),
        // the payment event through IdempotentConsumer (Redis store)
        List<UUID> effects = new ArrayList<>();
        SequencedConsumer sequenced = new SequencedConsumer("outbox-kill-test", new JdbcProcessedEventStore(jdbc), 100);
        IdempotentConsumer idempotent = new IdempotentConsumer("outbox-kill-test",
                new RedisProcessedEventStore(redis, redisKeys.prefix(), RedisProcessedEventStore.DEFAULT_TTL));
        Set<UUID> ours = Set.of(written.get(0).id(), written.get(1).id(), written.get(2).id());
        var copies = reader.poll().stream().filter(r -> ours.contains(r.value().id())).toList();
        assertThat(copies).hasSizeGreaterThanOrEqualTo(6);
        for (Received<EventEnvelope<EventData>> copy : copies) {
            if (copy.value().seq() != null) {
                transactions.run(() -> sequenced.offer(copy.value(), Instant.now(), e -> effects.add(e.id())));
            } else {
                idempotent.handle(copy.value(), e -> effects.add(e.id()));
            }
        }
        assertThat(effects).containsExactlyInAnyOrderElementsOf(ours);
        assertThat(effects.indexOf(written.get(0).id())).isLessThan(effects.indexOf(written.get(1).id()));
    }

    private OutboxRelay crashingRelay(OutboxRelay.Probe probe) {
        return new OutboxRelay(store, OutboxConfiguration.relayTransactions(transactionManager), producers, Clock.systemUTC(),
                settings, probe);
    }

    private long unpublished() {
        return jdbc.sql("SELECT count(*) FROM outbox WHERE published_at IS NULL").query(Long.class).single();
    }

    /** Per assessment: seq 1..last exactly once each, and each sent no earlier than its predecessor. */
    static void assertInSeqOrder(List<Received<EventEnvelope<EventData>>> records, long last) {
        List<Received<EventEnvelope<EventData>>> firstCopies = new ArrayList<>();
        Set<Long> seen = new java.util.HashSet<>();
        records.stream().sorted(Comparator.comparing((Received<EventEnvelope<EventData>> r) -> r.value().seq())
                        .thenComparing(Received::timestamp))
                .forEach(r -> {
                    if (seen.add(r.value().seq())) {
                        firstCopies.add(r);
                    }
                });
        assertThat(firstCopies).extracting(r -> r.value().seq())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, last).boxed().toList());
        for (int i = 1; i < firstCopies.size(); i++) {
            assertThat(firstCopies.get(i).timestamp()).as("seq %d sent after seq %d", i + 1, i)
                    .isGreaterThanOrEqualTo(firstCopies.get(i - 1).timestamp());
        }
    }

    /** A relay dying where it stands. */
    static final class Crash extends Error {
        Crash() {
            super("simulated crash", null, false, false);
        }
    }

    @Test
    void thePrunerDeletesOnlyRowsPublishedLongerAgoThanTheRetentionInBatches() {
        relay.stop(); // so the unpublished row below stays unpublished
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        UUID unpublished = insertRaw(now.minus(Duration.ofDays(30)), null);
        List<UUID> old = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            old.add(insertRaw(now.minus(Duration.ofDays(9)), now.minus(Duration.ofDays(8))));
        }
        UUID recent = insertRaw(now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        UUID atTheEdge = insertRaw(now.minus(Duration.ofDays(8)), now.minus(Duration.ofDays(7)).plusSeconds(1));
        OutboxPruner pruner = new OutboxPruner(jdbc, Clock.fixed(now, java.time.ZoneOffset.UTC),
                new OutboxPruner.Settings(Duration.ofDays(7), Duration.ofHours(1), 2), meters);

        assertThat(pruner.prune()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE id IN (:ids)").param("ids", old)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE id IN (:ids)").param("ids", List.of(recent, atTheEdge))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM outbox WHERE id = ? AND published_at IS NULL").param(unpublished)
                .query(Long.class).single()).as("an unpublished row is never pruned, however old").isEqualTo(1);
        assertThat(pruner.prune()).isZero();
        assertThat(meters.get("vatic.outbox.pruned").counter().count()).isGreaterThanOrEqualTo(5);
    }

    /** An already published seq-less row, written straight to the table with the given times. */
    private UUID insertRaw(Instant createdAt, Instant publishedAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO outbox (id, topic, event_key, event_type, payload, created_at, published_at, attempts)
                        VALUES (?, 'payment.purchase-completed', ?, 'payment.purchase-completed', CAST('{}' AS JSONB),
                                ?, ?, 1)""")
                .params(id, id.toString(), com.vaticprop.core.support.Sql.ts(createdAt),
                        com.vaticprop.core.support.Sql.ts(publishedAt)).update();
        return id;
    }
}
