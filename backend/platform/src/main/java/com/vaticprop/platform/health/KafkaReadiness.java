package com.vaticprop.platform.health;

import com.vaticprop.platform.events.KafkaAdminClient;
import com.vaticprop.platform.events.TopicInitializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

import java.util.concurrent.TimeUnit;

/** The Kafka cluster answers and the catalogue's topics exist. */
public final class KafkaReadiness implements ReadinessCheck {

    private final KafkaAdminClient admin;
    private final TopicInitializer topics;

    public KafkaReadiness(KafkaAdminClient admin, TopicInitializer topics) {
        this.admin = admin;
        this.topics = topics;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void check() throws Exception {
        try {
            admin.get().describeCluster(new DescribeClusterOptions().timeoutMs(1500)).nodes()
                    .get(1800, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            admin.reset();
            throw e;
        }
        if (!topics.topicsReady()) {
            throw new IllegalStateException("topics not created yet");
        }
    }
}
