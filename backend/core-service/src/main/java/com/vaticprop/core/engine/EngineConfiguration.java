package com.vaticprop.core.engine;

import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.core.support.Transactions;
import com.vaticprop.trading.assessment.EngineSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    EngineSettings engineSettings(Environment env) {
        return EngineSettingsFactory.from(env);
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "vatic.monitor.enabled",
            havingValue = "true", matchIfMissing = true)
    RiskMonitor riskMonitor(LiveAssessments live, QuoteTable quotes, JdbcClient jdbc, java.time.Clock clock,
                            Environment env, io.micrometer.core.instrument.MeterRegistry meters,
                            org.springframework.beans.factory.ObjectProvider<
                                    com.vaticprop.platform.migration.DatabaseMigrator> migrator) {
        RiskMonitor monitor = new RiskMonitor(live, jdbc, clock,
                env.getProperty("vatic.monitor.snapshot-interval", java.time.Duration.class,
                        java.time.Duration.ofSeconds(10)),
                env.getProperty("vatic.monitor.discovery-interval", java.time.Duration.class,
                        java.time.Duration.ofSeconds(5)), meters);
        migrator.ifAvailable(m -> monitor.waitingFor(m::migrated));
        quotes.addListener(monitor);
        live.onDropped(monitor::reload);
        return monitor;
    }

    @Bean
    LiveAssessments liveAssessments(JdbcClient jdbc, org.springframework.transaction.PlatformTransactionManager txm,
                                    EngineRecorder recorder, QuoteTable quotes, EngineSettings settings) {
        return new LiveAssessments(jdbc, Transactions.readCommitted(txm), recorder, quotes, settings);
    }
}
