package com.vaticprop.platform.events;

import org.apache.kafka.clients.admin.NewTopic;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The topics the catalogue asks for, with their retention or compaction, as Kafka admin requests. */
public final class TopicPlan {

    private TopicPlan() {
    }

    public static List<NewTopic> newTopics(int partitions, short replication) {
        return Arrays.stream(Topic.values()).map(t -> newTopic(t, partitions, replication)).toList();
    }

    static NewTopic newTopic(Topic topic, int partitions, short replication) {
        Map<String, String> configs = topic.compacted()
                ? Map.of("cleanup.policy", "compact")
                : Map.of("cleanup.policy", "delete",
                        "retention.ms", Long.toString(topic.retention().orElseThrow().toMillis()));
        return new NewTopic(topic.topicName(), partitions, replication).configs(configs);
    }
}
