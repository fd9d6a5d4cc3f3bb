package com.vaticprop.platform.events;

import com.vaticprop.testkit.EmbeddedKafkaServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Against a real KRaft broker of its own (the shared one may already hold the catalogue, created by a service
 * context in another test class), so that "creates every topic" starts from an empty cluster.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TopicInitializerTest {

    private static EmbeddedKafkaServer kafka;
    private static KafkaAdminClient admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaServer.start(0);
        admin = new KafkaAdminClient(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        kafka.close();
    }

    @Test
    @Order(1)
    void createsEveryCatalogueTopicWithItsRetentionOrCompaction() throws Exception {
        Admin client = admin.get();
        assertThat(client.listTopics().names().get(10, TimeUnit.SECONDS)).noneMatch(n -> Topic.byName(n).isPresent());
        // one topic exists already, as another replica might just have created it
        client.createTopics(List.of(new NewTopic(Topic.ADMIN_AUDIT.topicName(), 1, (short) 1)
                .configs(Map.of("retention.ms", "1000")))).all().get(10, TimeUnit.SECONDS);

        TopicInitializer initializer = new TopicInitializer(admin, 2, (short) 1);
        assertThat(initializer.topicsReady()).isFalse();
        assertThat(initializer.ensureTopics()).isEqualTo(Topic.values().length - 1);
        assertThat(initializer.topicsReady()).isTrue();

        Set<String> names = Arrays.stream(Topic.values()).map(Topic::topicName).collect(Collectors.toSet());
        assertThat(client.listTopics().names().get(10, TimeUnit.SECONDS)).containsAll(names);
        Map<String, TopicDescription> descriptions = client.describeTopics(names).allTopicNames()
                .get(10, TimeUnit.SECONDS);
        List<ConfigResource> resources = names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList();
        Map<ConfigResource, Config> configs = client.describeConfigs(resources).all().get(10, TimeUnit.SECONDS);
        for (Topic topic : Topic.values()) {
            Config config = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()));
            if (topic == Topic.ADMIN_AUDIT) {
                // an existing topic is left exactly as it was
                assertThat(config.get("retention.ms").value()).isEqualTo("1000");
                continue;
            }
            assertThat(descriptions.get(topic.topicName()).partitions()).as(topic.topicName()).hasSize(2);
            if (topic.compacted()) {
                assertThat(config.get("cleanup.policy").value()).as(topic.topicName()).isEqualTo("compact");
            } else {
                assertThat(config.get("cleanup.policy").value()).as(topic.topicName()).isEqualTo("delete");
                assertThat(Long.parseLong(config.get("retention.ms").value())).as(topic.topicName())
                        .isEqualTo(topic.retention().orElseThrow().toMillis());
            }
        }
        assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, "admin.audit"))).isNotNull();
    }

    @Test
    @Order(2)
    void isIdempotent() throws Exception {
        TopicInitializer again = new TopicInitializer(admin, 5, (short) 1);
        assertThat(again.ensureTopics()).isZero();
        assertThat(again.ensureTopics()).isZero();
        assertThat(again.topicsReady()).isTrue();
        // it did not touch the existing topics' partition counts
        assertThat(admin.get().describeTopics(List.of(Topic.ORDER_FILLED.topicName())).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(Topic.ORDER_FILLED.topicName()).partitions()).hasSize(2);
    }

    @Test
    @Order(3)
    void theLifecycleRunsInTheBackground() {
        TopicInitializer initializer = new TopicInitializer(admin, 2, (short) 1);
        initializer.start();
        try {
            assertThat(initializer.isRunning()).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(initializer::topicsReady);
        } finally {
            initializer.stop();
        }
        assertThat(initializer.isRunning()).isFalse();
    }

    @Test
    @Order(4)
    void anUnreachableBrokerDoesNotStopTheStartAndLeavesTopicsNotReady() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        try (KafkaAdminClient nowhere = new KafkaAdminClient(Map.of("bootstrap.servers",
                "127.0.0.1:" + closedPort))) {
            TopicInitializer initializer = new TopicInitializer(nowhere, 1, (short) 1);
            initializer.start();
            Thread.sleep(1500);
            assertThat(initializer.topicsReady()).isFalse();
            initializer.stop();
        }
    }
}
