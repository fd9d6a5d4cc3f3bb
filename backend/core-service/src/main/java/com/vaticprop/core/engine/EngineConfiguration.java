package com.vaticprop.core.engine;

import com.vaticprop.core.events.DirectPublisher;
import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.platform.boot.PeriodicTask;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.TopicInitializer;
import org.springframework.kafka.core.ConsumerFactory;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.trading.assessment.EngineSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Clock;
import java.time.Duration;

/**
 * Live engines, the risk monitor ({@code vatic.monitor.*}) and account snapshots ({@code vatic.account-snapshots.*}).
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    EngineSettings engineSettings(Environment env) {
        return EngineSettingsFactory.from(env);
    }

    /** The window of ticks stored before and after each breach ({@code vatic.evidence.breach-window}, 30 s). */
    @Bean(destroyMethod = "close")
    BreachEvidence breachEvidence(org.springframework.jdbc.core.JdbcTemplate jdbcTemplate, JdbcClient jdbc,
                                  QuoteTable quotes, Environment env) {
        return new BreachEvidence(jdbcTemplate, jdbc, quotes,
                env.getProperty("vatic.evidence.breach-window", Duration.class, Duration.ofSeconds(30)));
    }

    @Bean
    LiveAssessments liveAssessments(JdbcClient jdbc, PlatformTransactionManager txm, EngineRecorder recorder,
                                    QuoteTable quotes, EngineSettings settings, EngineEvidence evidence) {
        return new LiveAssessments(jdbc, Transactions.readCommitted(txm), recorder, quotes, settings, evidence);
    }

    @Bean
    @ConditionalOnProperty(name = "vatic.monitor.enabled", havingValue = "true", matchIfMissing = true)
    RiskMonitor riskMonitor(LiveAssessments live, QuoteTable quotes, JdbcClient jdbc, Clock clock, Environment env,
                            MeterRegistry meters, ObjectProvider<DatabaseMigrator> migrator,
                            MonitorOwnership ownership) {
        RiskMonitor monitor = new RiskMonitor(live, jdbc, clock,
                env.getProperty("vatic.monitor.snapshot-interval", Duration.class, Duration.ofSeconds(10)),
                env.getProperty("vatic.monitor.discovery-interval", Duration.class, Duration.ofSeconds(5)), meters,
                ownership::owns);
        migrator.ifAvailable(m -> monitor.waitingFor(m::migrated));
        quotes.addListener(monitor);
        live.onDropped(monitor::reload);
        ownership.onEvent(monitor::refreshOnEvent);
        ownership.onGained(monitor::discoverSoon);
        return monitor;
    }

    @Bean
    MonitorOwnership monitorOwnership(ConsumerFactory<?, ?> consumers, EventCodec codec, Environment env,
                                      ObjectProvider<TopicInitializer> topics) {
        // replicas share a group exactly when they share a database (so two stacks on one broker never split work)
        String database = env.getProperty("spring.datasource.url", "");
        String group = env.getProperty("vatic.monitor.group", "core-risk-monitor-"
                + Integer.toHexString(database.hashCode()));
        MonitorOwnership ownership = new MonitorOwnership(consumers.getConfigurationProperties(), group, codec);
        topics.ifAvailable(t -> ownership.waitingFor(t::topicsReady));
        return ownership;
    }

    @Bean
    @ConditionalOnProperty(name = "vatic.account-snapshots.enabled", havingValue = "true", matchIfMissing = true)
    AccountSnapshotPublisher accountSnapshotPublisher(LiveAssessments live, DirectPublisher publisher, Clock clock,
                                                      Environment env, MeterRegistry meters) {
        return new AccountSnapshotPublisher(live, publisher, clock,
                env.getProperty("vatic.account-snapshots.min-interval", Duration.class, Duration.ofMillis(500)),
                meters);
    }

    @Bean
    @ConditionalOnProperty(name = "vatic.account-snapshots.enabled", havingValue = "true", matchIfMissing = true)
    PeriodicTask accountSnapshotPublishing(AccountSnapshotPublisher publisher) {
        return new PeriodicTask("account-snapshots", Duration.ofMillis(100), publisher::publishDue);
    }
}
