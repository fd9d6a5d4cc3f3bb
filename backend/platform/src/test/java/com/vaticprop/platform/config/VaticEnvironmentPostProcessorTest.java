package com.vaticprop.platform.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's variables become Spring settings; anything set explicitly wins over them. */
class VaticEnvironmentPostProcessorTest {

    private static StandardEnvironment environment(Map<String, Object> values) {
        StandardEnvironment env = new StandardEnvironment();
        Map<String, Object> all = new HashMap<>(values);
        all.put("vatic.dotenv.disabled", "true");
        env.getPropertySources().addFirst(new MapPropertySource("test", all));
        new VaticEnvironmentPostProcessor(new DeferredLogs()).postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void aSchemaOwningServiceGetsItsDataSourceFromDatabaseUrl() {
        StandardEnvironment env = environment(Map.of("vatic.service", "core",
                "DATABASE_URL", "postgresql://app:p%40ss+word@db1:26257,db2:26257/vatic?sslmode=require",
                "REDIS_HOST", "cache", "REDIS_PORT", "6380", "REDIS_TLS", "yes",
                "KAFKA_BROKERS", "k1:9092", "KAFKA_SECURITY_PROTOCOL", "SASL_SSL", "KAFKA_SASL_MECHANISM", "AWS_MSK_IAM",
                "CORS_ALLOWED_ORIGINS", "https://a.example, https://b.example"));
        assertThat(env.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://db1:26257,db2:26257/vatic?sslmode=require");
        assertThat(env.getProperty("spring.datasource.username")).isEqualTo("app");
        assertThat(env.getProperty("spring.datasource.password")).isEqualTo("p@ss+word");
        assertThat(env.getProperty("spring.datasource.hikari.schema")).isEqualTo("core");
        assertThat(env.getProperty("spring.data.redis.host")).isEqualTo("cache");
        assertThat(env.getProperty("spring.data.redis.port", Integer.class)).isEqualTo(6380);
        assertThat(env.getProperty("spring.data.redis.ssl.enabled", Boolean.class)).isTrue();
        assertThat(env.getProperty("spring.kafka.bootstrap-servers")).isEqualTo("k1:9092");
        assertThat(env.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_SSL");
        assertThat(env.getProperty("spring.kafka.properties.sasl.mechanism")).isEqualTo("AWS_MSK_IAM");
        assertThat(env.getProperty("spring.kafka.client-id")).isEqualTo("core-service");
        assertThat(env.getProperty("server.port", Integer.class)).isEqualTo(3000);
        assertThat(env.getProperty("vatic.cors.allowed-origins")).isEqualTo("https://a.example,https://b.example");
        assertThat(env.getProperty("server.error.include-stacktrace")).isEqualTo("never");
        assertThat(env.getProperty("spring.application.name")).isEqualTo("core-service");
    }

    @Test
    void explicitSettingsWinAndServicesWithoutADatabaseGetNone() {
        StandardEnvironment env = environment(Map.of("vatic.service", "websocket", "PORT", "8088",
                "server.port", "9999", "DATABASE_URL", "postgresql://db/vatic"));
        assertThat(env.getProperty("server.port")).isEqualTo("9999");
        assertThat(env.getProperty("spring.datasource.url")).isNull();
        assertThat(env.getProperty("spring.application.name")).isEqualTo("websocket-service");
        assertThat(env.getProperty("vatic.security.jwks-url")).isEqualTo("http://localhost:3000/.well-known/jwks.json");
        assertThat(environment(Map.of("vatic.service", "websocket", "PORT", "8088"))
                .getProperty("server.port")).isEqualTo("8088");
    }

    @Test
    void valuesRegisteredAfterPostProcessingAreStillSeen() {
        StandardEnvironment env = environment(Map.of("vatic.service", "report"));
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://127.0.0.1:15432/vatic");
        env.getPropertySources().addFirst(new MapPropertySource("late", Map.of("DATABASE_URL",
                "postgresql://u@late-db:5432/reports")));
        assertThat(env.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://late-db:5432/reports");
        assertThat(env.getProperty("spring.datasource.hikari.schema")).isEqualTo("report");
    }

    @Test
    void withoutAServiceNameNothingIsAdded() {
        StandardEnvironment env = environment(Map.of("DATABASE_URL", "postgresql://db/vatic"));
        assertThat(env.getProperty("spring.datasource.url")).isNull();
        assertThat(env.getPropertySources().contains("vaticService")).isFalse();
    }
}
