package com.vaticprop.benchmarks.marketdata;

import com.vaticprop.marketdata.metrics.MarketDataMetrics;
import com.vaticprop.marketdata.metrics.PublishObserver;
import com.vaticprop.marketdata.publish.MarketDataProducer;
import com.vaticprop.marketdata.publish.PublishingPipeline;
import com.vaticprop.marketdata.publish.StalenessPolicy;
import com.vaticprop.marketdata.publish.TickRoute;
import com.vaticprop.marketdata.quote.QuoteCache;
import com.vaticprop.marketdata.quote.QuoteKeys;
import com.vaticprop.platform.boot.RedisKeys;
import com.vaticprop.platform.events.EventCodec;
import com.vaticprop.platform.events.EventEnvelope;
import com.vaticprop.platform.events.EventType;
import com.vaticprop.platform.events.KafkaAdminClient;
import com.vaticprop.platform.events.Topic;
import com.vaticprop.platform.events.TopicInitializer;
import com.vaticprop.platform.events.data.MarketTick;
import com.vaticprop.testkit.EmbeddedRedisServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Market-data throughput and latency harness: "tick in → record acknowledged by Kafka", target ≥ 100,000 ticks/s
 * sustained with p99 ≤ 20 ms, next to a baseline measured in the same run on the same broker.
 *
 * <ul>
 *   <li><b>baseline</b>: a raw {@code KafkaProducer} (the pipeline's own settings: acks=all, idempotent, lz4,
 *       linger 5 ms) sending pre-serialized envelopes, keyed by instrument — Kafka's cost alone;</li>
 *   <li><b>pipeline</b>: {@code PublishingPipeline.tick} with a freshly built {@code MarketTick} — validation,
 *       routing, book state, envelope encoding, send, conflated Redis cache (flushed to a real Redis every 100 ms).</li>
 * </ul>
 * Each variant runs a max-rate phase (closed loop: acknowledged records/s) and a paced phase at the target rate
 * (open loop). In the paced phase a tick's latency runs from its <em>scheduled</em> time, not from when the sender
 * got round to it, so a sender that falls behind shows up in the latency (no coordinated omission). The broker
 * (single-node KRaft, its own JVM) and Redis run on the same machine, sharing its cores with the harness.
 *
 * <p>Usage: {@code backend/benchmarks/run-market-data-benchmark.sh [rounds=2] [rate=100000] [seconds=20]}
 */
public final class TickToKafkaHarness {

    private static final List<String> INSTRUMENTS = List.of("BTC-USD", "ETH-USD", "SOL-USD",
            "POLY:71321045679252212594626385532706912750332728571942532289631379312455583992563",
            "POLY:52114319501245915516055106046884209969926127482827954674443846427813813222426",
            "POLY:98765432109876543210", "KALSHI:KXBTCD-26DEC31-T100000:YES", "KALSHI:KXBTCD-26DEC31-T100000:NO",
            "KALSHI:KXFEDDECISION-26DEC-H0:YES");
    private static final int PRICES = 1024;

    private final String brokers;
    private final StringRedisTemplate redis;
    private final EventCodec codec = new EventCodec();
    private final BigDecimal[][] bids = new BigDecimal[INSTRUMENTS.size()][PRICES];
    private final BigDecimal[][] asks = new BigDecimal[INSTRUMENTS.size()][PRICES];
    private final BigDecimal size = new BigDecimal("0.25000");
    private final TickRoute[] routes = new TickRoute[INSTRUMENTS.size()];

    private TickToKafkaHarness(String brokers, StringRedisTemplate redis) {
        this.brokers = brokers;
        this.redis = redis;
        for (int i = 0; i < INSTRUMENTS.size(); i++) {
            routes[i] = TickRoute.of(INSTRUMENTS.get(i)).orElseThrow();
            boolean crypto = !INSTRUMENTS.get(i).contains(":");
            for (int p = 0; p < PRICES; p++) {
                BigDecimal bid = crypto ? new BigDecimal(90_000 + p).add(new BigDecimal("0.37"))
                        : new BigDecimal("0.20").add(new BigDecimal(p % 50).movePointLeft(2));
                bids[i][p] = bid;
                asks[i][p] = bid.add(crypto ? new BigDecimal("1.10") : new BigDecimal("0.01"));
            }
        }
    }

    /** What one phase measured. */
    record Result(String variant, String phase, long acked, double seconds, double targetRate, Histogram latency) {
        double rate() {
            return acked / seconds;
        }

        String line() {
            String base = String.format(Locale.ROOT, "| %s | %s | %,.0f |", variant, phase, rate());
            if (latency == null) {
                return base + " – | – | – | – |";
            }
            return base + String.format(Locale.ROOT, " %.2f | %.2f | %.2f | %.2f |",
                    latency.getValueAtPercentile(50) / 1e6, latency.getValueAtPercentile(99) / 1e6,
                    latency.getValueAtPercentile(99.9) / 1e6, latency.getMaxValue() / 1e6);
        }
    }

    /** One way of getting a tick to Kafka; {@code scheduled} is the tick's venue-received time. */
    interface Sender extends AutoCloseable {
        void send(int instrument, int seq, Instant scheduled);

        long acked();

        /** Latencies recorded since the last call (nanoseconds). */
        Histogram latencies();

        void flush();

        @Override
        void close();
    }

    private Map<String, Object> producerConfig() {
        return MarketDataProducer.producerConfig(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ProducerConfig.CLIENT_ID_CONFIG, "harness"), 5, "lz4");
    }

    /** Raw producer, pre-serialized envelopes. */
    private Sender baseline() {
        Producer<String, byte[]> producer = MarketDataProducer.kafkaProducer(producerConfig());
        byte[][] payloads = new byte[INSTRUMENTS.size()][];
        Instant now = Instant.now();
        for (int i = 0; i < payloads.length; i++) {
            payloads[i] = codec.encode(EventEnvelope.of(EventType.MARKET_TICK, now, tick(i, 0, now)));
        }
        AtomicLong acked = new AtomicLong();
        Recorder recorder = new Recorder(3);
        return new Sender() {
            @Override
            public void send(int instrument, int seq, Instant scheduled) {
                long s = scheduled.getEpochSecond();
                int n = scheduled.getNano();
                producer.send(new ProducerRecord<>(routes[instrument].topic().topicName(), INSTRUMENTS.get(instrument),
                        payloads[instrument]), (metadata, error) -> {
                    if (error == null) {
                        Instant t = Instant.now();
                        recorder.recordValue(Math.max(0, (t.getEpochSecond() - s) * 1_000_000_000L + t.getNano() - n));
                        acked.incrementAndGet();
                    }
                });
            }

            @Override
            public long acked() {
                return acked.get();
            }

            @Override
            public Histogram latencies() {
                return recorder.getIntervalHistogram();
            }

            @Override
            public void flush() {
                producer.flush();
            }

            @Override
            public void close() {
                producer.close(Duration.ofSeconds(10));
            }
        };
    }

    /** The real pipeline: validation, routing, book state, encoding, send, Redis cache. */
    private Sender pipeline() {
        MarketDataMetrics metrics = new MarketDataMetrics(new SimpleMeterRegistry());
        Clock clock = Clock.systemUTC();
        Recorder recorder = new Recorder(3);
        AtomicLong acked = new AtomicLong();
        // the pipeline's meters stay on; the harness also takes every record's exact ack latency
        PublishObserver tap = new PublishObserver() {
            @Override
            public void acknowledged(Topic topic, long latencyNanos) {
                metrics.acknowledged(topic, latencyNanos);
                recorder.recordValue(latencyNanos);
                acked.incrementAndGet();
            }

            @Override
            public void publishFailed(Topic topic) {
                metrics.publishFailed(topic);
            }
        };
        MarketDataProducer producer = new MarketDataProducer(MarketDataProducer.kafkaProducer(producerConfig()),
                codec, tap, clock);
        QuoteCache cache = new QuoteCache(redis, new QuoteKeys(new RedisKeys("bench:" + System.nanoTime() + ":")),
                Duration.ofMinutes(5), 100);
        PublishingPipeline pipeline = new PublishingPipeline(producer, cache, metrics, StalenessPolicy.DEFAULT, clock);
        ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor();
        flusher.scheduleWithFixedDelay(cache::flush, 100, 100, TimeUnit.MILLISECONDS);
        return new Sender() {
            @Override
            public void send(int instrument, int seq, Instant scheduled) {
                pipeline.tick(tick(instrument, seq, scheduled));
            }

            @Override
            public long acked() {
                return acked.get();
            }

            @Override
            public Histogram latencies() {
                return recorder.getIntervalHistogram();
            }

            @Override
            public void flush() {
                producer.flush();
            }

            @Override
            public void close() {
                flusher.shutdownNow();
                cache.flush();
                producer.close();
            }
        };
    }

    private MarketTick tick(int instrument, int seq, Instant receivedTs) {
        int p = seq & (PRICES - 1);
        return new MarketTick(INSTRUMENTS.get(instrument), "binance", bids[instrument][p], asks[instrument][p], size,
                size, null, null, receivedTs, receivedTs, (long) seq);
    }

    /** Closed loop: send as fast as the producer takes them for {@code seconds}; acknowledged records per second. */
    private Result maxRate(String variant, Sender sender, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long before = sender.acked();
        long start = System.nanoTime();
        int seq = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 64; k++) {
                seq++;
                sender.send(seq % INSTRUMENTS.size(), seq, Instant.now());
            }
        }
        sender.flush();
        double elapsed = (System.nanoTime() - start) / 1e9;
        sender.latencies();
        return new Result(variant, "max rate", sender.acked() - before, elapsed, 0, null);
    }

    /** Open loop at {@code rate}: tick i is due at start + i/rate; latency from that due time to the ack. */
    private Result paced(String variant, Sender sender, double rate, double seconds) {
        sender.latencies();
        long before = sender.acked();
        long total = (long) (rate * seconds);
        Instant base = Instant.now();
        long startNanos = System.nanoTime();
        for (long i = 0; i < total; ) {
            long due = (long) (i * 1e9 / rate);
            long now = System.nanoTime() - startNanos;
            if (now < due) {
                LockSupport.parkNanos(Math.min(due - now, 200_000));
                continue;
            }
            sender.send((int) (i % INSTRUMENTS.size()), (int) i, base.plusNanos(due));
            i++;
        }
        sender.flush();
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        return new Result(variant, String.format(Locale.ROOT, "paced %,.0f/s", rate), sender.acked() - before,
                elapsed, rate, sender.latencies());
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 100_000;
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 20;
        System.out.println("starting embedded Kafka (KRaft, own JVM) and Redis …");
        KafkaBrokerProcess kafka = KafkaBrokerProcess.start();
        EmbeddedRedisServer redisServer = EmbeddedRedisServer.start(0);
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", redisServer.port()));
        connections.afterPropertiesSet();
        connections.start();
        try (KafkaAdminClient admin = new KafkaAdminClient(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            new TopicInitializer(admin, 3, (short) 1).ensureTopics();
        }
        TickToKafkaHarness harness = new TickToKafkaHarness(kafka.bootstrapServers(),
                new StringRedisTemplate(connections));
        System.out.printf(Locale.ROOT, "JDK %s, %d cores, %d rounds, paced %,.0f ticks/s for %.0f s, %d instruments "
                        + "over 5 tick topics × 3 partitions%n", Runtime.version(),
                Runtime.getRuntime().availableProcessors(), rounds, rate, seconds, INSTRUMENTS.size());
        System.out.println("| variant | phase | acked ticks/s | p50 ms | p99 ms | p99.9 ms | max ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        try {
            for (int round = 1; round <= rounds; round++) {
                for (String variant : List.of("baseline", "pipeline")) {
                    try (Sender sender = variant.equals("baseline") ? harness.baseline() : harness.pipeline()) {
                        harness.maxRate(variant, sender, 5); // warm-up
                        System.out.println(harness.maxRate(variant, sender, seconds / 2).line());
                        System.out.println(harness.paced(variant, sender, rate, seconds).line());
                    }
                }
            }
        } finally {
            connections.destroy();
            redisServer.close();
            kafka.close();
        }
        System.exit(0);
    }
}
