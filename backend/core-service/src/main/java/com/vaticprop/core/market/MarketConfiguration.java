package com.vaticprop.core.market;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.TopicInitializer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;

/** The quote table and, unless {@code vatic.market.feed.enabled=false}, its Kafka feed. */
@Configuration(proxyBeanMethods = false)
class MarketConfiguration {

    @Bean
    QuoteTable quoteTable(MeterRegistry meters, Environment env) {
        // breach evidence reads the ticks up to one window after a breach: keep at least two windows
        java.time.Duration window = env.getProperty("vatic.evidence.breach-window", java.time.Duration.class,
                java.time.Duration.ofSeconds(30));
        java.time.Duration retention = window.multipliedBy(2).compareTo(java.time.Duration.ofMinutes(2)) > 0
                ? window.multipliedBy(2) : java.time.Duration.ofMinutes(2);
        QuoteTable table = new QuoteTable(new TickHistory(retention, 5_000));
        Gauge.builder("vatic.market.instruments", table, QuoteTable::size)
                .description("instruments with a quote in this replica's table").register(meters);
        return table;
    }

    @Bean
    StalenessWatch stalenessWatch(QuoteTable table, com.vaticprop.core.events.DirectPublisher publisher,
                                  com.vaticprop.trading.assessment.EngineSettings settings, java.time.Clock clock) {
        return new StalenessWatch(table, publisher, settings.staleness(), clock);
    }

    @Bean
    com.vaticprop.platform.boot.PeriodicTask stalenessWatching(StalenessWatch watch) {
        return new com.vaticprop.platform.boot.PeriodicTask("staleness-watch", java.time.Duration.ofSeconds(1),
                watch::check);
    }

    @Bean
    @ConditionalOnProperty(name = "vatic.market.feed.enabled", havingValue = "true", matchIfMissing = true)
    MarketFeed marketFeed(ConsumerFactory<?, ?> consumers, QuoteTable table, EventCodec codec, Environment env,
                          MeterRegistry meters, ObjectProvider<TopicInitializer> topics) {
        MarketFeed feed = new MarketFeed(consumers.getConfigurationProperties(), table, codec,
                env.getProperty("vatic.market.tick-backfill", Integer.class, 200), meters);
        topics.ifAvailable(t -> feed.waitingFor(t::topicsReady));
        return feed;
    }
}
