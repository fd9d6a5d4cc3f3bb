package com.vaticprop.core.engine;

import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.core.support.Transactions;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.trading.assessment.EngineSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
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
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Live engines, the risk monitor ({@code vatic.monitor.*}) and account snapshots ({@code vatic.account-snapshots.*}).
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    EngineSettings engineSettings(Environment env) {
        return EngineSettingsFactory.from(env);
    }

    @Bean
    LiveAssessments liveAssessments(JdbcClient jdbc, PlatformTransactionManager txm, EngineRecorder recorder,
                                    QuoteTable quotes, EngineSettings settings) {
        return new LiveAssessments(jdbc, Transactions.readCommitted(txm), recorder, quotes, settings);
    }

    @Bean
    @ConditionalOnProperty(name = "vatic.monitor.enabled", havingValue = "true", matchIfMissing = true)
    RiskMonitor riskMonitor(LiveAssessments live, QuoteTable quotes, JdbcClient jdbc, Clock clock, Environment env,
                            MeterRegistry meters, ObjectProvider<DatabaseMigrator> migrator) {
        RiskMonitor monitor = new RiskMonitor(live, jdbc, clock,
                env.getProperty("vatic.monitor.snapshot-interval", Duration.class, Duration.ofSeconds(10)),
                env.getProperty("vatic.monitor.discovery-interval", Duration.class, Duration.ofSeconds(5)), meters);
        migrator.ifAvailable(m -> monitor.waitingFor(m::migrated));
        quotes.addListener(monitor);
        live.onDropped(monitor::reload);
        return monitor;
    }

    /** Latest-wins dashboard data: a fast producer (acks=1, lz4, short linger) separate from the outbox's. */
    @Bean
    @ConditionalOnProperty(name = "vatic.account-snapshots.enabled", havingValue = "true", matchIfMissing = true)
    AccountSnapshotPublisher accountSnapshotPublisher(LiveAssessments live, ProducerFactory<?, ?> factory,
                                                      EventCodec codec, Clock clock, Environment env,
                                                      MeterRegistry meters) {
        Map<String, Object> config = new HashMap<>(factory.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.ACKS_CONFIG, "1");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 2000);
        return new AccountSnapshotPublisher(live,
                () -> new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()), codec, clock,
                env.getProperty("vatic.account-snapshots.min-interval", Duration.class, Duration.ofMillis(500)),
                meters);
    }
}
