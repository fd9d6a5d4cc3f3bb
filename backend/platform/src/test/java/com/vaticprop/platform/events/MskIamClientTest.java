package com.vaticprop.platform.events;

import com.vaticprop.platform.config.ServiceEnvironment;
import com.vaticprop.platform.config.ServiceKind;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * KAFKA_SASL_MECHANISM=AWS_MSK_IAM (what the Kubernetes ConfigMaps set for MSK) yields a Kafka client that Kafka
 * accepts: its JAAS login module and callback handler are on the classpath (aws-msk-iam-auth). No broker is needed
 * to build the client (its SASL channel builder loads both classes at once); authenticating against MSK is only
 * possible in AWS.
 */
class MskIamClientTest {

    @Test
    void theMskIamSettingsBuildAKafkaClient() {
        ServiceEnvironment env = ServiceEnvironment.of(ServiceKind.MARKET_DATA, Map.of("APP_ENV", "test",
                "KAFKA_BROKERS", "127.0.0.1:9098",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "AWS_MSK_IAM")::get);
        Map<String, Object> config = new HashMap<>(env.kafka().securityProperties());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env.kafka().brokers());

        assertThat(config).containsEntry("sasl.mechanism", "AWS_MSK_IAM")
                .containsEntry("security.protocol", "SASL_SSL");
        try (Admin admin = Admin.create(config)) {
            assertThat(admin).isNotNull();
            admin.close(Duration.ZERO);
        }
    }
}
