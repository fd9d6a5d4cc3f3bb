package com.vaticprop.core.market;

import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.data.EventData;
import com.vaticprop.platform.events.data.MarketResolution;
import com.vaticprop.platform.events.data.MarketStatusChanged;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.platform.events.consumer.KafkaFeed;
import com.vaticprop.platform.events.consumer.KafkaPollLoop;
import com.vaticprop.trading.instrument.InstrumentId;
import com.vaticprop.trading.market.MarketStatus;
import com.vaticprop.trading.market.Quote;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Feeds the {@link QuoteTable} from Kafka. Every replica reads <em>every</em> partition of the tick, status and
 * resolution topics (assigned, no consumer group, no committed offsets): each replica needs all prices, not a share.
 * On start it rewinds each tick partition a little ({@code vatic.market.tick-backfill} records) so the latest quotes
 * are known at once — older ones are stale and simply lose to newer ones — and reads status and resolutions from the
 * beginning (compacted / bounded topics) so a closed or resolved market is known before the first order.
 */
public final class MarketFeed extends KafkaFeed {

    private static final Logger log = LoggerFactory.getLogger(MarketFeed.class);

    static final Set<Topic> TICKS = EnumSet.of(Topic.BTC_TICKS, Topic.ETH_TICKS, Topic.SOL_TICKS,
            Topic.POLYMARKET_TICKS, Topic.KALSHI_TICKS);
    static final Set<Topic> FROM_BEGINNING = EnumSet.of(Topic.MARKET_STATUS, Topic.MARKET_RESOLUTIONS);

    private final QuoteTable table;
    private final EventCodec codec;
    private final int tickBackfill;
    private final Counter ticks;
    private final Counter rejected;

    public MarketFeed(Map<String, Object> kafkaConfig, QuoteTable table, EventCodec codec, int tickBackfill,
                      MeterRegistry meters) {
        Map<String, Object> c = new HashMap<>(kafkaConfig);
        c.remove(ConsumerConfig.GROUP_ID_CONFIG);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        c.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        this.table = table;
        this.codec = codec;
        this.tickBackfill = tickBackfill;
        this.ticks = Counter.builder("vatic.market.ticks").description("ticks applied to the quote table")
                .register(meters);
        this.rejected = Counter.builder("vatic.market.rejected").description("market records that could not be used")
                .register(meters);
        runs(new KafkaPollLoop("market-feed", c, Duration.ofMillis(200), new KafkaPollLoop.Handler() {
            @Override
            public void connected(KafkaConsumer<String, byte[]> consumer) {
                assign(consumer);
            }

            @Override
            public void record(ConsumerRecord<String, byte[]> record) {
                apply(record);
            }

            @Override
            public void disconnected() {
                assigned = false;
            }
        }));
    }

    private void assign(KafkaConsumer<String, byte[]> c) {
        List<TopicPartition> ticks = partitions(c, TICKS);
        List<TopicPartition> fromStart = partitions(c, FROM_BEGINNING);
        List<TopicPartition> all = new ArrayList<>(ticks);
        all.addAll(fromStart);
        c.assign(all);
        c.seekToBeginning(fromStart);
        Map<TopicPartition, Long> begin = c.beginningOffsets(ticks);
        c.endOffsets(ticks).forEach((tp, end) -> c.seek(tp, Math.max(begin.get(tp), end - tickBackfill)));
        for (TopicPartition tp : all) {
            c.position(tp); // resolve lazily-evaluated seeks now, so "assigned" means positioned
        }
        assigned = true;
        log.info("market feed reading {} tick and {} status/resolution partitions", ticks.size(), fromStart.size());
    }

    private void apply(ConsumerRecord<String, byte[]> r) {
        try {
            EventEnvelope<EventData> e = codec.decode(r.value());
            switch (e.data()) {
                case MarketTick t -> {
                    table.put(toQuote(t));
                    ticks.increment();
                }
                case MarketStatusChanged s -> table.putStatus(InstrumentId.of(s.instrument()),
                        MarketStatus.valueOf(s.status().name()), s.at());
                case MarketResolution res -> table.putResolution(InstrumentId.of(res.instrument()),
                        Boolean.TRUE.equals(res.voided()) ? null : res.settlementPrice(), res.resolvedAt());
                default -> rejected.increment();
            }
        } catch (RuntimeException ex) {
            // a malformed or out-of-range record is dropped and counted, never applied half-read
            rejected.increment();
            log.debug("market record dropped ({}:{}@{}): {}", r.topic(), r.partition(), r.offset(), ex.toString());
        }
    }

    static Quote toQuote(MarketTick t) {
        return new Quote(InstrumentId.of(t.instrument()), t.venue(), t.bid(), t.ask(), nonNull(t.bidSize()),
                nonNull(t.askSize()), t.venueTs(), t.receivedTs(), t.venueSeq(), null);
    }

    private static BigDecimal nonNull(BigDecimal size) {
        return size == null ? BigDecimal.ZERO : size;
    }

}
