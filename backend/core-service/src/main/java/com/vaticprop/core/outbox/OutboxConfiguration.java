package com.vaticprop.core.outbox;

import com.vaticprop.platform.events.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ProducerFactory;
import com.vaticprop.platform.migration.DatabaseMigrator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The outbox writer, and the relay unless {@code vatic.outbox.relay.enabled=false}. The relay's producer takes the
 * service's Kafka settings (brokers, client id, security) and forces what the outbox relies on: acks=all and an
 * idempotent producer, with delivery bounded so that a missing broker turns into a retry with backoff, not a hang.
 */
@Configuration(proxyBeanMethods = false)
class OutboxConfiguration {

    @Bean
    OutboxWriter outboxWriter(JdbcClient jdbc, EventCodec codec, Clock clock) {
        return new OutboxWriter(jdbc, codec, clock);
    }

    @Bean
    OutboxStore outboxStore(JdbcClient jdbc) {
        return new OutboxStore(jdbc);
    }

    @Bean
    OutboxPruner outboxPruner(JdbcClient jdbc, Clock clock, Environment env, MeterRegistry meters) {
        return new OutboxPruner(jdbc, clock, new OutboxPruner.Settings(
                env.getProperty("vatic.outbox.retention", Duration.class, Duration.ofDays(7)),
                env.getProperty("vatic.outbox.prune-interval", Duration.class, Duration.ofMinutes(10)),
                env.getProperty("vatic.outbox.prune-batch", Integer.class, 1000)), meters);
    }

    @Bean
    com.vaticprop.platform.boot.PeriodicTask outboxPruning(OutboxPruner pruner, Environment env) {
        return new com.vaticprop.platform.boot.PeriodicTask("outbox-pruner",
                env.getProperty("vatic.outbox.prune-interval", Duration.class, Duration.ofMinutes(10)),
                pruner::prune);
    }

    @Bean
    OutboxRelay.Settings outboxRelaySettings(Environment env) {
        return new OutboxRelay.Settings(
                env.getProperty("vatic.outbox.relay.max-heads", Integer.class, 100),
                env.getProperty("vatic.outbox.relay.max-per-assessment", Integer.class, 50),
                Duration.ofMillis(env.getProperty("vatic.outbox.relay.poll-interval-ms", Long.class, 100L)),
                Duration.ofMillis(env.getProperty("vatic.outbox.relay.min-backoff-ms", Long.class, 200L)),
                Duration.ofMillis(env.getProperty("vatic.outbox.relay.max-backoff-ms", Long.class, 10_000L)),
                Duration.ofMillis(env.getProperty("vatic.outbox.relay.ack-timeout-ms", Long.class, 15_000L)));
    }

    @Bean
    OutboxProducers outboxProducers(ProducerFactory<?, ?> producerFactory, OutboxRelay.Settings settings) {
        return new OutboxProducers(producerFactory.getConfigurationProperties(), settings.ackTimeout());
    }

    @Bean
    @ConditionalOnProperty(name = "vatic.outbox.relay.enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(OutboxWriter writer, OutboxStore store, PlatformTransactionManager transactionManager,
                            OutboxProducers producers, Clock clock, OutboxRelay.Settings settings,
                            ObjectProvider<MeterRegistry> meters, ObjectProvider<DatabaseMigrator> migrator) {
        OutboxRelay relay = new OutboxRelay(store, relayTransactions(transactionManager), producers, clock,
                settings);
        meters.ifAvailable(relay::bindTo);
        migrator.ifAvailable(m -> relay.waitingFor(m::migrated));
        writer.afterCommit(relay::wakeUp);
        return relay;
    }

    /**
     * The relay's transactions run READ COMMITTED: claiming is by row locks ({@code FOR UPDATE SKIP LOCKED}), and
     * under SERIALIZABLE two relays scanning the rows the other stamps abort each other after Kafka has already
     * acknowledged (a needless duplicate). CockroachDB runs such a transaction SERIALIZABLE when its cluster has
     * READ COMMITTED disabled, which stays correct, only with more retries.
     */
    static TransactionTemplate relayTransactions(PlatformTransactionManager transactionManager) {
        TransactionTemplate template = new TransactionTemplate(transactionManager);
        template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        template.setName("outbox-relay");
        return template;
    }

    /** Creates the relay's producers: the service's Kafka settings plus the outbox's delivery guarantees. */
    static final class OutboxProducers implements Supplier<Producer<String, byte[]>> {

        private final Map<String, Object> config;

        OutboxProducers(Map<String, Object> base, Duration ackTimeout) {
            Map<String, Object> c = new HashMap<>(base);
            c.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
            c.put(ProducerConfig.ACKS_CONFIG, "all");
            c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            c.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
            c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            int timeout = (int) Math.max(2000, ackTimeout.toMillis() - 1000);
            c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout);
            c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(5000, timeout));
            c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(5000, timeout));
            c.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 2000);
            c.put(ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, 2000);
            c.put(ProducerConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 3000);
            Object clientId = c.get(ProducerConfig.CLIENT_ID_CONFIG);
            c.put(ProducerConfig.CLIENT_ID_CONFIG, (clientId == null ? "core" : clientId) + "-outbox");
            this.config = Map.copyOf(c);
        }

        @Override
        public Producer<String, byte[]> get() {
            return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }
    }
}
