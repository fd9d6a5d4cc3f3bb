package com.vaticprop.report;

import com.vaticprop.platform.boot.PeriodicTask;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.TopicInitializer;
import com.vaticprop.platform.events.consumer.ProcessedEventStore;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.migration.DatabaseMigrator;
import com.vaticprop.report.analytics.OperatorAnalytics;
import com.vaticprop.report.build.ReportBuilder;
import com.vaticprop.report.readmodel.PendingEvents;
import com.vaticprop.report.readmodel.ReadModelWriter;
import com.vaticprop.report.readmodel.ReportFeed;
import com.vaticprop.report.readmodel.ReportQueue;
import com.vaticprop.report.readmodel.ReportRepository;
import com.vaticprop.report.readmodel.SideEventWriter;
import com.vaticprop.report.render.ReportDocuments;
import com.vaticprop.report.render.ReportGenerator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Wires the service: the read model feed, report building and rendering, the generator and the analytics. */
@Configuration(proxyBeanMethods = false)
public class ReportConfiguration {

    /** The feed and a request may write one assessment's rows at once: retry serialization conflicts generously. */
    static final int TRANSACTION_ATTEMPTS = 8;

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new Transactions(transactionManager, TRANSACTION_ATTEMPTS);
    }

    @Bean
    BooleanSupplier reportReady(DatabaseMigrator migrator, TopicInitializer topics) {
        return () -> migrator.migrated() && topics.topicsReady();
    }

    @Bean
    ReportQueue reportQueue(JdbcClient jdbc, Clock clock) {
        return new ReportQueue(jdbc, clock);
    }

    @Bean
    ReportRepository reportRepository(JdbcClient jdbc, JdbcTemplate template) {
        return new ReportRepository(jdbc, template);
    }

    @Bean
    ReportBuilder reportBuilder(ReportRepository repository, JsonMapper json, Clock clock) {
        return new ReportBuilder(repository, json, clock);
    }

    @Bean
    ReportDocuments reportDocuments(JsonMapper json) {
        return new ReportDocuments(json);
    }

    @Bean
    OperatorAnalytics operatorAnalytics(JdbcClient jdbc) {
        return new OperatorAnalytics(jdbc);
    }

    @Bean
    PendingEvents pendingEvents(JdbcClient jdbc, JdbcTemplate template, ProcessedEventStore processed,
                                JsonMapper json, ReportQueue queue, Transactions tx, EventCodec codec, Clock clock) {
        return new PendingEvents(jdbc, template, processed, new ReadModelWriter(jdbc, json, queue, clock), tx, codec,
                clock);
    }

    @Bean
    ReportFeed reportFeed(ConsumerFactory<?, ?> consumers, PendingEvents pending, JdbcClient jdbc, JsonMapper json,
                          ReportQueue queue, ProcessedEventStore processed, Transactions tx, EventCodec codec,
                          Clock clock, BooleanSupplier reportReady) {
        return new ReportFeed(consumers.getConfigurationProperties(), pending, new SideEventWriter(jdbc, json, queue),
                processed, tx, codec, clock, reportReady);
    }

    @Bean
    PeriodicTask reportGeneration(ReportQueue queue, ReportRepository repository, ReportBuilder builder,
                                  ReportDocuments documents, Transactions tx, MeterRegistry meters,
                                  Environment environment, BooleanSupplier reportReady) {
        Duration interval = environment.getProperty("vatic.report.generation-interval", Duration.class,
                Duration.ofMillis(500));
        return new PeriodicTask("report-generation", interval, reportReady,
                new ReportGenerator(queue, repository, builder, documents, tx, meters));
    }
}
