package com.vaticprop.platform.events.consumer;

import com.vaticprop.testkit.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against the shared embedded broker: a loop stopped and started again (a paused Spring test context restarts its
 * lifecycle beans) reads again with a new consumer, and a thread that outlived the stop's join never comes back to
 * poll next to the new one.
 */
class KafkaPollLoopTest {

    private static Map<String, Object> config;
    private static KafkaProducer<String, byte[]> producer;

    @BeforeAll
    static void connect() {
        config = Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers());
        producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void close() {
        producer.close();
    }

    @Test
    void startsAgainAfterStopWithANewConsumer() throws Exception {
        String topic = newTopic();
        Recording handler = new Recording(topic);
        KafkaPollLoop loop = new KafkaPollLoop("poll-loop-restart", config, Duration.ofMillis(100), handler);

        loop.start();
        send(topic, "a");
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.values.contains("a"));
        loop.stop();
        assertThat(loop.isRunning()).isFalse();
        assertThat(handler.disconnects.get()).isEqualTo(1);
        assertThat(threadsNamed("poll-loop-restart")).isZero();

        send(topic, "b");
        loop.start();
        assertThat(loop.isRunning()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.values.contains("b"));
        assertThat(handler.connects.get()).isEqualTo(2);
        loop.stop();
        assertThat(threadsNamed("poll-loop-restart")).isZero();
    }

    @Test
    void aThreadThatOutlivesStopDoesNotPollAfterARestart() throws Exception {
        String topic = newTopic();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean blockOnce = new AtomicBoolean(true);
        Recording handler = new Recording(topic) {
            @Override
            public void record(ConsumerRecord<String, byte[]> record) {
                super.record(record);
                if (blockOnce.compareAndSet(true, false)) {
                    entered.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        };
        KafkaPollLoop loop = new KafkaPollLoop("poll-loop-slow", config, Duration.ofMillis(100), handler);

        loop.start();
        send(topic, "a");
        assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
        loop.stop(); // gives up joining after 10 s: the handler is still busy
        assertThat(threadsNamed("poll-loop-slow")).isEqualTo(1);

        loop.start();
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.connects.get() == 2);
        release.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> threadsNamed("poll-loop-slow") == 1
                && handler.disconnects.get() == 1);

        send(topic, "b");
        await().atMost(Duration.ofSeconds(30)).until(() -> handler.values.contains("b"));
        Thread.sleep(500); // a revived old consumer would deliver "b" a second time by now
        assertThat(handler.values.stream().filter("b"::equals)).hasSize(1);
        loop.stop();
        assertThat(threadsNamed("poll-loop-slow")).isZero();
    }

    private static String newTopic() throws Exception {
        String name = "poll-loop-" + UUID.randomUUID();
        try (Admin admin = Admin.create(config)) {
            admin.createTopics(List.of(new NewTopic(name, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return name;
    }

    private static void send(String topic, String value) throws Exception {
        producer.send(new ProducerRecord<>(topic, value, value.getBytes(StandardCharsets.UTF_8)))
                .get(30, TimeUnit.SECONDS);
    }

    private static long threadsNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name) && t.isAlive())
                .count();
    }

    /** Reads the topic's only partition from the beginning on every connect (no group, no commits). */
    private static class Recording implements KafkaPollLoop.Handler {
        final String topic;
        final Queue<String> values = new ConcurrentLinkedQueue<>();
        final AtomicInteger connects = new AtomicInteger();
        final AtomicInteger disconnects = new AtomicInteger();
        private volatile long next;

        Recording(String topic) {
            this.topic = topic;
        }

        @Override
        public void connected(KafkaConsumer<String, byte[]> consumer) {
            TopicPartition tp = new TopicPartition(topic, 0);
            consumer.assign(List.of(tp));
            consumer.seek(tp, next);
            connects.incrementAndGet();
        }

        @Override
        public void record(ConsumerRecord<String, byte[]> record) {
            values.add(new String(record.value(), StandardCharsets.UTF_8));
            next = record.offset() + 1;
        }

        @Override
        public void disconnected() {
            disconnects.incrementAndGet();
        }
    }
}
