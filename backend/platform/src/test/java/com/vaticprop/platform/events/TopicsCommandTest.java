package com.vaticprop.platform.events;

import com.vaticprop.platform.boot.VaticApplication;
import com.vaticprop.platform.config.ServiceEnvironment;
import com.vaticprop.platform.config.ServiceKind;
import com.vaticprop.testkit.EmbeddedKafkaServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code provision-topics}, the command the MSK Job in deploy/kafka runs, against a real KRaft broker of its own: it
 * must leave exactly the catalogue on the cluster — and repair a topic created earlier with other settings.
 */
class TopicsCommandTest {

    private static EmbeddedKafkaServer kafka;
    private static Admin admin;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafkaServer.start(0);
        admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    @AfterAll
    static void stopBroker() {
        admin.close();
        kafka.close();
    }

    private int run(String... args) {
        ServiceEnvironment env = ServiceEnvironment.of(ServiceKind.MARKET_DATA, Map.of("APP_ENV", "test",
                "KAFKA_BROKERS", kafka.bootstrapServers(), "KAFKA_CLIENT_ID", "topics-test")::get);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = VaticApplication.preflight(env, args, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err));
        assertThat(err.toString()).as("stderr").isEmpty();
        return code;
    }

    @Test
    void createsTheWholeCatalogueAndRepairsATopicMadeWithOtherSettings() throws Exception {
        admin.createTopics(List.of(new NewTopic(Topic.BTC_TICKS.topicName(), 1, (short) 1)
                .configs(Map.of("retention.ms", "3600000", "cleanup.policy", "compact"))))
                .all().get(20, TimeUnit.SECONDS);

        assertThat(run("provision-topics", "3", "1", "1")).isZero();
        assertThat(run("provision-topics", "3", "1", "1")).as("idempotent").isZero();

        List<String> names = Arrays.stream(Topic.values()).map(Topic::topicName).toList();
        // metadata reads may trail the controller for a moment after a partition increase
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                    .get(20, TimeUnit.SECONDS);
            assertThat(described).hasSize(Topic.values().length);
            described.values().forEach(d -> assertThat(d.partitions()).as(d.name()).hasSize(3));
        });
        Map<ConfigResource, Config> configs = admin.describeConfigs(names.stream()
                .map(n -> new ConfigResource(ConfigResource.Type.TOPIC, n)).toList()).all().get(20, TimeUnit.SECONDS);
        for (Topic topic : Topic.values()) {
            Config c = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic.topicName()));
            assertThat(c.get("min.insync.replicas").value()).as(topic.topicName()).isEqualTo("1");
            if (topic.compacted()) {
                assertThat(c.get("cleanup.policy").value()).as(topic.topicName()).isEqualTo("compact");
            } else {
                assertThat(c.get("cleanup.policy").value()).as(topic.topicName()).isEqualTo("delete");
                assertThat(c.get("retention.ms").value()).as(topic.topicName())
                        .isEqualTo(Long.toString(topic.retention().orElseThrow().toMillis()));
            }
        }
    }

    @Test
    void theMskPlanHasReplicationThreeAndTwoInSyncReplicasForEveryCatalogueTopic() {
        List<NewTopic> plan = TopicProvisioning.plan(new TopicProvisioning.Settings(12, (short) 3, 2));

        assertThat(plan).extracting(NewTopic::name)
                .containsExactlyElementsOf(Arrays.stream(Topic.values()).map(Topic::topicName).toList());
        assertThat(plan).allSatisfy(t -> {
            assertThat(t.numPartitions()).isEqualTo(12);
            assertThat(t.replicationFactor()).isEqualTo((short) 3);
            assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
        });
    }

    @Test
    void refusesSettingsThatCannotWork() {
        ServiceEnvironment env = ServiceEnvironment.of(ServiceKind.MARKET_DATA, Map.of("APP_ENV", "test",
                "KAFKA_BROKERS", kafka.bootstrapServers())::get);
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int code = VaticApplication.preflight(env, new String[] {"provision-topics", "12", "3", "4"},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));

        assertThat(code).isEqualTo(64);
        assertThat(err.toString()).contains("min.insync.replicas <= replication");
    }
}
