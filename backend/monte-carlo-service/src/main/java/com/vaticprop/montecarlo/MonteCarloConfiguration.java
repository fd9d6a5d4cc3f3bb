package com.vaticprop.montecarlo;

import com.vaticprop.montecarlo.api.SimulationRequestParser;
import com.vaticprop.montecarlo.jobs.Completions;
import com.vaticprop.montecarlo.jobs.JobFeed;
import com.vaticprop.montecarlo.jobs.JobRunner;
import com.vaticprop.montecarlo.jobs.LeaseSweeper;
import com.vaticprop.montecarlo.jobs.ProgressPublisher;
import com.vaticprop.montecarlo.jobs.Resimulator;
import com.vaticprop.montecarlo.jobs.SimulationCanceller;
import com.vaticprop.montecarlo.jobs.SimulationSubmitter;
import com.vaticprop.montecarlo.readmodel.AssessmentFeed;
import com.vaticprop.montecarlo.readmodel.ProcessedEventPruner;
import com.vaticprop.montecarlo.readmodel.ReadModelWriter;
import com.vaticprop.montecarlo.readmodel.SampleRepository;
import com.vaticprop.montecarlo.store.Outbox;
import com.vaticprop.montecarlo.store.OutboxRelay;
import com.vaticprop.montecarlo.store.SimulationStore;
import com.vaticprop.platform.boot.PeriodicTask;
import com.vaticprop.platform.jdbc.Transactions;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.TopicInitializer;
import com.vaticprop.platform.events.consumer.ProcessedEventStore;
import com.vaticprop.platform.migration.DatabaseMigrator;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Wires the service: persistence, the read model, the job queue, the sweeper and the optional re-simulation. */
@Configuration(proxyBeanMethods = false)
public class MonteCarloConfiguration {

    @Bean
    MonteCarloSettings monteCarloSettings(Environment environment) {
        return MonteCarloSettings.from(environment);
    }

    /** This pod's name in leases: the Kubernetes pod name when there is one, plus a per-start suffix. */
    @Bean
    String monteCarloPodId(Environment environment) {
        String host = environment.getProperty("HOSTNAME", "pod");
        return host + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /**
     * More attempts than core-service's default: two pods claiming one job, or two consumers applying one event during
     * a rebalance, conflict by design.
     */
    static final int TRANSACTION_ATTEMPTS = 8;

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new Transactions(transactionManager, TRANSACTION_ATTEMPTS);
    }

    /** The database and the topics are ready: the background work may start. */
    @Bean
    BooleanSupplier monteCarloReady(DatabaseMigrator migrator, TopicInitializer topics) {
        return () -> migrator.migrated() && topics.topicsReady();
    }

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> monteCarloProducer(ProducerFactory<?, ?> factory) {
        Map<String, Object> c = new HashMap<>(factory.getConfigurationProperties());
        c.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        c.put(ProducerConfig.ACKS_CONFIG, "all");
        c.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        c.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5000);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15000);
        c.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        return new KafkaProducer<>(c, new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    SimulationStore simulationStore(JdbcClient jdbc, JsonMapper json) {
        return new SimulationStore(jdbc, json);
    }

    @Bean
    Outbox outbox(JdbcClient jdbc, EventCodec codec) {
        return new Outbox(jdbc, codec);
    }

    @Bean
    Completions completions(Outbox outbox) {
        return new Completions(outbox);
    }

    @Bean
    SimulationSubmitter simulationSubmitter(SimulationStore store, Outbox outbox, Transactions tx, JsonMapper json,
                                            Clock clock) {
        return new SimulationSubmitter(store, outbox, tx, json, clock);
    }

    @Bean
    SimulationCanceller simulationCanceller(SimulationStore store, Completions completions, Transactions tx,
                                            Clock clock) {
        return new SimulationCanceller(store, completions, tx, clock);
    }

    @Bean
    SampleRepository sampleRepository(JdbcClient jdbc, JsonMapper json) {
        return new SampleRepository(jdbc, json);
    }

    @Bean
    SimulationRequestParser simulationRequestParser(SampleRepository samples, MonteCarloSettings settings) {
        return new SimulationRequestParser(samples, settings);
    }

    @Bean
    PeriodicTask outboxRelay(Outbox outbox, PlatformTransactionManager transactionManager,
                             Producer<String, byte[]> monteCarloProducer, Clock clock, MonteCarloSettings settings,
                             BooleanSupplier monteCarloReady) {
        return new PeriodicTask("montecarlo-outbox-relay", settings.outboxInterval(), monteCarloReady,
                new OutboxRelay(outbox, Transactions.readCommitted(transactionManager, TRANSACTION_ATTEMPTS), monteCarloProducer, clock));
    }

    @Bean
    AssessmentFeed assessmentFeed(ConsumerFactory<?, ?> consumers, ProcessedEventStore processed, JdbcClient jdbc,
                                  JsonMapper json, Transactions tx, EventCodec codec, Clock clock,
                                  BooleanSupplier monteCarloReady) {
        return new AssessmentFeed(consumers.getConfigurationProperties(), processed,
                new ReadModelWriter(jdbc, json, clock), tx, codec, clock, monteCarloReady);
    }

    @Bean
    PeriodicTask processedEventPruner(JdbcClient jdbc, Clock clock, BooleanSupplier monteCarloReady) {
        return new PeriodicTask("montecarlo-processed-event-pruner", Duration.ofHours(1), monteCarloReady,
                new ProcessedEventPruner(jdbc, clock));
    }

    @Bean
    JobRunner jobRunner(String monteCarloPodId, SimulationStore store, Completions completions,
                        Producer<String, byte[]> monteCarloProducer, EventCodec codec, Transactions tx,
                        JsonMapper json, Clock clock, MonteCarloSettings settings, MeterRegistry meters,
                        SimulationSubmitter submitter) {
        return new JobRunner(monteCarloPodId, store, completions,
                new ProgressPublisher(monteCarloProducer, codec, clock), tx, json, clock, settings, meters,
                submitter);
    }

    @Bean
    JobFeed jobFeed(ConsumerFactory<?, ?> consumers, MonteCarloSettings settings, JobRunner runner,
                    EventCodec codec, BooleanSupplier monteCarloReady) {
        return new JobFeed(consumers.getConfigurationProperties(), settings.workers(), settings.maxPollInterval(),
                runner, codec, monteCarloReady);
    }

    @Bean
    PeriodicTask leaseSweeper(SimulationStore store, SimulationSubmitter submitter, Completions completions,
                              Transactions tx, JsonMapper json, Clock clock, MonteCarloSettings settings,
                              BooleanSupplier monteCarloReady) {
        return new PeriodicTask("montecarlo-lease-sweeper", settings.sweepInterval(), monteCarloReady,
                new LeaseSweeper(store, submitter, completions, tx, json, clock, settings));
    }

    @Bean
    PeriodicTask resimulation(SampleRepository samples, SimulationSubmitter submitter, Transactions tx,
                              JdbcClient jdbc, Clock clock, MonteCarloSettings settings,
                              BooleanSupplier monteCarloReady) {
        Resimulator resimulator = new Resimulator(samples, submitter, tx, jdbc, clock, settings);
        boolean enabled = settings.resimulation().enabled();
        // looks four times per interval, so an assessment waits at most 1.25 intervals between two simulations
        Duration quarter = settings.resimulation().interval().dividedBy(4);
        return new PeriodicTask("montecarlo-resimulation", quarter.compareTo(Duration.ofSeconds(1)) < 0
                ? Duration.ofSeconds(1) : quarter, () -> enabled && monteCarloReady.getAsBoolean(), resimulator);
    }
}
