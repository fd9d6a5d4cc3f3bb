package com.vaticprop.testkit;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a {@code @SpringBootTest} service at the shared test infrastructure through the same environment variables
 * production uses (DATABASE_URL, KAFKA_BROKERS, REDIS_HOST/PORT), so the tests also exercise the platform's mapping of
 * those variables.
 */
public final class ServiceTestProperties {

    private ServiceTestProperties() {
    }

    public static void kafka(DynamicPropertyRegistry registry) {
        registry.add("KAFKA_BROKERS", () -> TestInfrastructure.kafka().bootstrapServers());
    }

    public static void database(DynamicPropertyRegistry registry, Class<?> testClass) {
        String url = TestInfrastructure.newDatabase(testClass.getSimpleName());
        registry.add("DATABASE_URL", () -> url);
    }

    public static void redis(DynamicPropertyRegistry registry, Class<?> testClass) {
        TestInfrastructure.RedisEndpoint redis = TestInfrastructure.redis();
        String prefix = TestInfrastructure.newKeyPrefix(testClass.getSimpleName());
        registry.add("REDIS_HOST", redis::host);
        registry.add("REDIS_PORT", () -> String.valueOf(redis.port()));
        if (redis.password() != null) {
            registry.add("REDIS_PASSWORD", redis::password);
        }
        registry.add("vatic.redis.key-prefix", () -> prefix);
    }
}
