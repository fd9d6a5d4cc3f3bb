package com.vaticprop.core.fairness;

import com.vaticprop.core.admin.AdminAuditLog;
import com.vaticprop.core.market.QuoteTable;
import com.vaticprop.platform.boot.PeriodicTask;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.migration.DatabaseMigrator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;

/** Fairness wiring: thresholds from {@code vatic.fairness.*}, the gap recorder on the quote table, the schedule. */
@Configuration(proxyBeanMethods = false)
class FairnessConfiguration {

    @Bean
    FairnessSettings fairnessSettings(Environment env) {
        return new FairnessSettings(
                env.getProperty("vatic.fairness.hedge-window", Duration.class, Duration.ofSeconds(5)),
                env.getProperty("vatic.fairness.hedge-min-occurrences", Integer.class, 2),
                env.getProperty("vatic.fairness.copy-window", Duration.class, Duration.ofSeconds(10)),
                env.getProperty("vatic.fairness.copy-min-matches", Integer.class, 3),
                env.getProperty("vatic.fairness.copy-min-share", BigDecimal.class, new BigDecimal("0.8")),
                env.getProperty("vatic.fairness.quote-gap-crypto", Duration.class, Duration.ofSeconds(3)),
                env.getProperty("vatic.fairness.quote-gap-prediction", Duration.class, Duration.ofSeconds(90)),
                env.getProperty("vatic.fairness.after-gap", Duration.class, Duration.ofSeconds(10)),
                env.getProperty("vatic.fairness.latency-min-fills", Integer.class, 3),
                env.getProperty("vatic.fairness.latency-min-share", BigDecimal.class, new BigDecimal("0.8")),
                env.getProperty("vatic.fairness.period", Duration.class, Duration.ofHours(24)));
    }

    @Bean
    QuoteGapRecorder quoteGapRecorder(QuoteTable quotes, JdbcClient jdbc, FairnessSettings settings, Clock clock) {
        QuoteGapRecorder recorder = new QuoteGapRecorder(jdbc, settings, clock);
        quotes.addListener(recorder);
        return recorder;
    }

    @Bean
    FairnessReports fairnessReports(FairnessData data, FairnessSettings settings, JdbcClient jdbc,
                                    AdminAuditLog audit, Transactions transactions, Clock clock) {
        return new FairnessReports(data, settings, jdbc, audit, transactions, clock);
    }

    /** Checks every {@code vatic.fairness.check-interval} (10 min) whether the last period's report exists. */
    @Bean
    PeriodicTask fairnessSchedule(FairnessReports reports, DatabaseMigrator migrator, Environment env) {
        return new PeriodicTask("fairness-report",
                env.getProperty("vatic.fairness.check-interval", Duration.class, Duration.ofMinutes(10)),
                migrator::migrated, reports::periodic);
    }
}
