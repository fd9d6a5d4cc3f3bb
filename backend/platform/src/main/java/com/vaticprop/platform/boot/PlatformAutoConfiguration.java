package com.vaticprop.platform.boot;

import com.vaticprop.platform.config.ServiceKind;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.KafkaAdminClient;
import com.vaticprop.platform.events.TopicInitializer;
import com.vaticprop.platform.events.consumer.JdbcProcessedEventStore;
import com.vaticprop.platform.events.consumer.ProcessedEventStore;
import com.vaticprop.platform.events.consumer.RedisProcessedEventStore;
import com.vaticprop.platform.health.HealthController;
import com.vaticprop.platform.health.KafkaReadiness;
import com.vaticprop.platform.health.PostgresReadiness;
import com.vaticprop.platform.health.ReadinessCheck;
import com.vaticprop.platform.health.ReadinessService;
import com.vaticprop.platform.health.RedisReadiness;
import com.vaticprop.platform.json.VaticJson;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.platform.migration.Migrations;
import com.vaticprop.platform.web.BodySizeLimitFilter;
import com.vaticprop.platform.tracing.TraceFilter;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What every service gets from the platform: JSON settings, problem+json errors, body-size limit, /health, /ready
 * (one check per dependency the service uses), Kafka topic creation, schema migrations with retry, the processed-event
 * store for idempotent consumers, a UTC clock and the OpenAPI description.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration"})
@ConditionalOnProperty("vatic.service")
public class PlatformAutoConfiguration {

    @Bean
    ServiceKind serviceKind(Environment environment) {
        return ServiceKind.fromName(environment.getRequiredProperty("vatic.service"));
    }

    @Bean
    JsonMapperBuilderCustomizer vaticJsonCustomizer() {
        return VaticJson::configure;
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(Environment environment) {
        long max = environment.getProperty("vatic.http.max-body-bytes", Long.class, 1_048_576L);
        FilterRegistrationBean<BodySizeLimitFilter> registration = new FilterRegistrationBean<>(
                new BodySizeLimitFilter(max));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Runs before everything else, so even a refused request (401, 413) is logged with its trace id. */
    @Bean
    FilterRegistrationBean<TraceFilter> traceFilter() {
        FilterRegistrationBean<TraceFilter> registration = new FilterRegistrationBean<>(new TraceFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    @Bean(destroyMethod = "close")
    KafkaAdminClient kafkaAdminClient(KafkaAdmin kafkaAdmin) {
        return new KafkaAdminClient(kafkaAdmin.getConfigurationProperties());
    }

    @Bean
    TopicInitializer topicInitializer(KafkaAdminClient admin, Environment environment) {
        return new TopicInitializer(admin,
                environment.getProperty("vatic.kafka.topic-partitions", Integer.class, 3),
                environment.getProperty("vatic.kafka.topic-replication", Short.class, (short) 1));
    }

    @Bean
    KafkaReadiness kafkaReadiness(KafkaAdminClient admin, TopicInitializer topics) {
        return new KafkaReadiness(admin, topics);
    }

    @Bean(destroyMethod = "close")
    ReadinessService readinessService(ObjectProvider<ReadinessCheck> checks, Environment environment) {
        List<ReadinessCheck> all = new ArrayList<>(checks.orderedStream().toList());
        long timeoutMs = environment.getProperty("vatic.ready.timeout-ms", Long.class, 2000L);
        return new ReadinessService(all, Duration.ofMillis(timeoutMs));
    }

    @Bean
    HealthController healthController(ServiceKind kind, ReadinessService readiness) {
        return new HealthController(kind.serviceName(), readiness);
    }

    @Bean
    OpenAPI vaticOpenApi(ServiceKind kind) {
        return new OpenAPI().info(new Info().title("Vatic Prop " + kind.serviceName()).version("1")
                .description("Errors are RFC 9457 application/problem+json; decimals are JSON strings."));
    }

    /** Schema-owning services: migrations with retry, the JDBC dedupe store, the PostgreSQL readiness check. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
    @ConditionalOnBean(DataSource.class)
    static class Database {

        @Bean
        DatabaseMigrator databaseMigrator(DataSource dataSource, ServiceKind kind, Environment environment) {
            String schema = kind.schema().orElseThrow(() -> new IllegalStateException(
                    kind.serviceName() + " has a DataSource but owns no schema"));
            return new DatabaseMigrator(Migrations.flyway(dataSource, schema),
                    environment.getProperty("vatic.database.migrate-on-start", Boolean.class, true));
        }

        @Bean
        PostgresReadiness postgresReadiness(DataSource dataSource, DatabaseMigrator migrator) {
            return new PostgresReadiness(dataSource, migrator);
        }

        @Bean
        @ConditionalOnMissingBean
        ProcessedEventStore jdbcProcessedEventStore(JdbcClient jdbc) {
            return new JdbcProcessedEventStore(jdbc);
        }
    }

    /** Redis users: the Redis readiness check and, without a schema, the Redis dedupe store. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
    @ConditionalOnBean(RedisConnectionFactory.class)
    static class Redis {

        @Bean
        RedisReadiness redisReadiness(RedisConnectionFactory factory) {
            return new RedisReadiness(factory);
        }

        @Bean
        RedisKeys redisKeys(Environment environment) {
            return new RedisKeys(environment.getProperty("vatic.redis.key-prefix", ""));
        }

        @Bean
        @ConditionalOnMissingBean(ProcessedEventStore.class)
        ProcessedEventStore redisProcessedEventStore(StringRedisTemplate redis, RedisKeys keys) {
            return new RedisProcessedEventStore(redis, keys.prefix(), RedisProcessedEventStore.DEFAULT_TTL);
        }
        /**
         * Lettuce retries a lost Redis connection with a delay that doubles up to 30 s, so a service could stay off
         * Redis for half a minute after Redis came back (the redis-restart fault scenario saw every WebSocket resume
         * still "unavailable" 8 s after the restart). Capped at 1 s: back within a second, at the cost of one
         * connection attempt a second per service while Redis is down.
         */
        @Bean
        @ConditionalOnClass(name = "io.lettuce.core.resource.ClientResources")
        org.springframework.boot.data.redis.autoconfigure.ClientResourcesBuilderCustomizer quickRedisReconnect() {
            return builder -> builder.reconnectDelay(io.lettuce.core.resource.Delay.exponential(
                    Duration.ofMillis(100), Duration.ofSeconds(1), 2, TimeUnit.MILLISECONDS));
        }
    }
}
